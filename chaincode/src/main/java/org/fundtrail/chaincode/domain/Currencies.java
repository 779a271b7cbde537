package org.fundtrail.chaincode.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * ISO 4217 currency codes and their minor-unit digits (JPY 0, EUR 2, KWD 3), from a table pinned
 * in the chaincode ({@code iso4217.txt}) so that every endorsing peer agrees whatever its JDK.
 */
public final class Currencies {
    private static final SortedMap<String, Integer> DIGITS = load();

    private Currencies() {
    }

    /**
     * Returns the minor-unit digits of a currency.
     *
     * @param field the field name used in a refusal
     * @param code a three-letter ISO 4217 code
     * @return 0 to 3
     * @throws Refusal INVALID_ARGUMENT when the code is not a known currency
     */
    public static int minorDigits(String field, String code) {
        Integer digits = code == null ? null : DIGITS.get(code);
        if (digits == null) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field,
                    "'" + Texts.preview(code) + "' is not an ISO 4217 currency code");
        }
        return digits;
    }


    private static SortedMap<String, Integer> load() {
        SortedMap<String, Integer> table = new TreeMap<>();
        try (InputStream in = Currencies.class.getResourceAsStream("iso4217.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                table.put(parts[0], Integer.parseInt(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ISO 4217 table", e);
        }
        return table;
    }
}
