package org.fundtrail.chaincode.domain;

import java.util.regex.Pattern;

/**
 * An exact amount of one currency, held as a {@code long} of minor units and written as a decimal
 * string with exactly the currency's minor digits ({@code "1250000.00"} EUR, {@code "5"} JPY).
 * Never a floating-point number.
 *
 * <pre>{@code
 * Money m = Money.parse("amount", "1250000.5", "EUR");   // 125000050 minor units
 * m.toDecimal();                                           // "1250000.50"
 * }</pre>
 *
 * @param currency ISO 4217 code
 * @param minorUnits amount in minor units, never negative
 */
public record Money(String currency, long minorUnits) {
    /** The largest amount accepted in a submitted value: 10^15 major units. */
    public static final long MAX_MAJOR_UNITS = 1_000_000_000_000_000L;
    /** The digits of {@link #MAX_MAJOR_UNITS}: a whole part with more is too large, whatever its value. */
    private static final int MAX_MAJOR_DIGITS = 16;

    /**
     * The syntax of an amount as text: digits without a leading zero, an optional point and decimals.
     * The currency decides how many decimals are allowed ({@link #parse}).
     */
    public static final Pattern SYNTAX = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?");
    /** The longest amount text that can be within {@link #MAX_MAJOR_UNITS}: 16 digits, a point and 3 decimals. */
    public static final int MAX_TEXT_LENGTH = 20;
    private static final long[] POWERS = {1L, 10L, 100L, 1000L};

    /**
     * Parses a positive amount as submitted: digits, an optional point and at most the currency's
     * minor digits; no sign, exponent, grouping or spaces; at most 10^15 major units.
     *
     * @param field the field name used in a refusal
     * @param text the amount as text
     * @param currency its ISO 4217 code
     * @return the amount
     * @throws Refusal INVALID_ARGUMENT naming {@code field} when the amount is malformed, zero,
     *     too precise or too large
     */
    public static Money parse(String field, String text, String currency) {
        return parse(field, text, currency, false);
    }

    /**
     * Parses a bound a reader gives to compare amounts with (a search's smallest or largest amount):
     * the rules of {@link #parse}, but zero is allowed.
     *
     * @param field the field name used in a refusal
     * @param text the amount as text
     * @param currency its ISO 4217 code
     * @return the amount
     * @throws Refusal INVALID_ARGUMENT naming {@code field} when the amount is malformed, too precise or
     *     too large, or the currency unknown
     */
    public static Money parseLimit(String field, String text, String currency) {
        return parse(field, text, currency, true);
    }

    private static Money parse(String field, String text, String currency, boolean zeroAllowed) {
        int digits = Currencies.minorDigits("currency", currency);
        if (text == null || !SYNTAX.matcher(text).matches()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field, "'" + Texts.preview(text)
                    + "' is not a positive decimal amount (digits with an optional point, e.g. \"1250.00\")");
        }
        int point = text.indexOf('.');
        String whole = point < 0 ? text : text.substring(0, point);
        String fraction = point < 0 ? "" : text.substring(point + 1);
        if (fraction.length() > digits) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field, "'" + Texts.preview(text) + "' has more than the "
                    + digits + " minor-unit digits of " + currency);
        }
        if (whole.length() > MAX_MAJOR_DIGITS) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field, "'" + Texts.preview(text)
                    + "' exceeds the largest amount, 10^15 " + currency);
        }
        long major = Long.parseLong(whole);
        if (major > MAX_MAJOR_UNITS || (major == MAX_MAJOR_UNITS && fraction.chars().anyMatch(c -> c != '0'))) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field, "'" + text + "' exceeds the largest amount, 10^15 "
                    + currency);
        }
        StringBuilder padded = new StringBuilder(fraction);
        while (padded.length() < digits) {
            padded.append('0');
        }
        long minor = major * POWERS[digits] + (digits == 0 ? 0 : Long.parseLong(padded.toString()));
        if (minor == 0 && !zeroAllowed) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field, "'" + text + "' is zero; amounts must be positive");
        }
        return new Money(currency, minor);
    }

    /**
     * Reads an amount written by the ledger itself (zero allowed).
     *
     * @param text a canonical decimal as produced by {@link #toDecimal()}
     * @param currency its ISO 4217 code
     * @return the amount
     */
    public static Money ofStored(String text, String currency) {
        int digits = Currencies.minorDigits("currency", currency);
        int point = text.indexOf('.');
        long major = Long.parseLong(point < 0 ? text : text.substring(0, point));
        long fraction = point < 0 ? 0 : Long.parseLong(text.substring(point + 1));
        return new Money(currency, major * POWERS[digits] + fraction);
    }

    /**
     * Formats minor units of a currency as its canonical decimal.
     *
     * @param minorUnits a non-negative amount in minor units
     * @param currency ISO 4217 code
     * @return e.g. {@code "1250000.00"}
     */
    public static String decimal(long minorUnits, String currency) {
        return new Money(currency, minorUnits).toDecimal();
    }

    /** @return the canonical decimal, with exactly the currency's minor digits */
    public String toDecimal() {
        int digits = Currencies.minorDigits("currency", currency);
        long scale = POWERS[digits];
        String sign = minorUnits < 0 ? "-" : "";
        long abs = Math.abs(minorUnits);
        if (digits == 0) {
            return sign + abs;
        }
        String fraction = Long.toString(abs % scale);
        while (fraction.length() < digits) {
            fraction = "0" + fraction;
        }
        return sign + (abs / scale) + "." + fraction;
    }

    @Override
    public String toString() {
        return toDecimal() + " " + currency;
    }
}
