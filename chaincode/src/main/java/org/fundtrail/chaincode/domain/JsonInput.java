package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Strict reading of a submitted JSON object: every accessor checks presence, type and form, and a
 * failure is a {@link Refusal} INVALID_ARGUMENT naming the field by its path
 * ({@code "payee.name"}). Unknown or duplicate fields are refused too.
 *
 * <pre>{@code
 * JsonInput in = JsonInput.parse(json, "id", "amount", "currency");
 * String id = in.id("id");
 * }</pre>
 */
public final class JsonInput {
    /** Longest accepted request, in characters. */
    public static final int MAX_REQUEST_CHARS = 65_536;

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern COFOG = Pattern.compile("(0[1-9]|10)(\\.[0-9](\\.[0-9])?)?");
    private static final Pattern MEASURE = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,6})?");
    private static final Pattern PERIOD = Pattern.compile("(19|20|21)[0-9]{2}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?");
    private static final Pattern URI = Pattern.compile("(https?|ipfs|urn):[\\x21-\\x7e]{1,2040}");

    private final JsonNode node;
    private final String path;

    private JsonInput(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * Parses a request object and refuses fields other than those allowed.
     *
     * @param json the submitted text
     * @param allowed the field names the request may carry
     * @return the reader
     * @throws Refusal INVALID_ARGUMENT (field {@code request}) when the text is not a JSON object,
     *     or naming an unknown field
     */
    public static JsonInput parse(String json, String... allowed) {
        if (json == null || json.isBlank()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "request", "is empty; a JSON object is required");
        }
        if (json.length() > MAX_REQUEST_CHARS) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "request", "is " + json.length()
                    + " characters long; the limit is " + MAX_REQUEST_CHARS);
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(json);
        } catch (java.io.IOException e) {
            String reason = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "request", "is not valid JSON (" + Texts.preview(reason)
                    + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "request", "must be a JSON object");
        }
        JsonInput input = new JsonInput(tree, "");
        input.onlyFields(allowed);
        return input;
    }

    private void onlyFields(String... allowed) {
        Set<String> known = Set.of(allowed);
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(first), "is not a known field (allowed: "
                    + String.join(", ", new TreeSet<>(known)) + ")");
        }
    }

    private String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private JsonNode present(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "is required");
        }
        return value;
    }

    private boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /**
     * A required string: not blank, no control characters, at most {@code maxLength} characters.
     */
    public String text(String field, int maxLength) {
        JsonNode value = present(field);
        if (!value.isTextual()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "must be a string, not "
                    + value.getNodeType().name().toLowerCase());
        }
        String text = value.textValue();
        if (text.isBlank()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "must not be blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "is " + length + " characters long; the limit is "
                    + maxLength);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "contains the control character U+"
                        + String.format("%04X", (int) c));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "contains an unpaired surrogate");
            }
        }
        return text;
    }

    /** An optional string (null when absent), checked like {@link #text}. */
    public String optionalText(String field, int maxLength) {
        return has(field) ? text(field, maxLength) : null;
    }

    /** A required id (see {@link Ids}). */
    public String id(String field) {
        JsonNode value = present(field);
        if (!value.isTextual()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "must be a string id");
        }
        return Ids.require(name(field), value.textValue());
    }

    /** An optional id (null when absent). */
    public String optionalId(String field) {
        return has(field) ? id(field) : null;
    }

    /** A required integer within bounds (a JSON number without fraction). */
    public int integer(String field, int min, int max) {
        JsonNode value = present(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "must be a whole number from " + min + " to "
                    + max + ", not " + Texts.preview(value.toString()));
        }
        return value.intValue();
    }

    /** A required enum constant, given by its exact name. */
    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        JsonNode value = present(field);
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
            if (value.isTextual() && constant.name().equals(value.textValue())) {
                return constant;
            }
        }
        throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), Texts.preview(value.toString())
                + " is not one of " + String.join(", ", names));
    }

    /** A required positive amount of the given currency (see {@link Money#parse}). */
    public Money amount(String field, String currency) {
        JsonNode value = present(field);
        if (!value.isTextual()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "must be a decimal string such as \"1250.00\", not "
                    + value.getNodeType().name().toLowerCase() + " " + Texts.preview(value.toString()));
        }
        return Money.parse(name(field), value.textValue(), currency);
    }

    /** A required ISO 4217 currency code. */
    public String currency(String field) {
        String code = text(field, 3);
        Currencies.minorDigits(name(field), code);
        return code;
    }

    /** A required exact measure (up to 18 integer and 6 fraction digits, optional minus sign), canonicalised. */
    public String measure(String field) {
        JsonNode value = present(field);
        if (!value.isTextual() || !MEASURE.matcher(value.textValue()).matches()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), Texts.preview(value.toString())
                    + " is not a decimal string such as \"92.5\"");
        }
        BigDecimal number = new BigDecimal(value.textValue());
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    /** A required calendar date, {@code yyyy-MM-dd}, years 1900 to 2199. */
    public String date(String field) {
        String text = text(field, 10);
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1900 || date.getYear() > 2199 || !date.toString().equals(text)) {
                throw new DateTimeParseException("out of range", text, 0);
            }
            return text;
        } catch (DateTimeParseException e) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "'" + Texts.preview(text)
                    + "' is not a date yyyy-MM-dd between 1900 and 2199");
        }
    }

    /** A required reporting period: {@code 2026}, {@code 2026-Q3}, {@code 2026-H1} or {@code 2026-07}. */
    public String period(String field) {
        String text = text(field, 7);
        if (!PERIOD.matcher(text).matches()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "'" + Texts.preview(text)
                    + "' is not a period such as 2026, 2026-Q3, 2026-H1 or 2026-07");
        }
        return text;
    }

    /** A required COFOG code: division {@code 01}–{@code 10}, optionally group and class. */
    public String cofog(String field) {
        String text = text(field, 6);
        if (!COFOG.matcher(text).matches()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "'" + Texts.preview(text)
                    + "' is not a COFOG code such as 07, 07.3 or 07.3.1");
        }
        return text;
    }

    /** Required evidence: {@code {"sha256": 64 lowercase hex, "uri": http(s)/ipfs/urn}}. */
    public Evidence evidence(String field) {
        JsonInput in = object(field, "sha256", "uri");
        String sha = in.text("sha256", 64);
        if (!SHA256.matcher(sha).matches()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, in.name("sha256"), "'" + Texts.preview(sha)
                    + "' is not 64 lowercase hex digits");
        }
        String uri = in.text("uri", 2048);
        if (!URI.matcher(uri).matches()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, in.name("uri"), "'" + Texts.preview(uri)
                    + "' is not an http(s), ipfs or urn URI without spaces");
        }
        return new Evidence(sha, uri);
    }

    /** A required nested object with its own allowed fields. */
    public JsonInput object(String field, String... allowed) {
        JsonNode value = present(field);
        if (!value.isObject()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "must be a JSON object");
        }
        JsonInput nested = new JsonInput(value, name(field));
        nested.onlyFields(allowed);
        return nested;
    }

    /** A required array of distinct ids, {@code min} to {@code max} long, returned sorted. */
    public List<String> ids(String field, int min, int max) {
        JsonNode value = present(field);
        if (!value.isArray() || value.size() < min || value.size() > max) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name(field), "must be an array of " + min + " to " + max
                    + " ids");
        }
        TreeSet<String> ids = new TreeSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemName = name(field) + "[" + i + "]";
            if (!item.isTextual()) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, itemName, "must be a string id");
            }
            if (!ids.add(Ids.require(itemName, item.textValue()))) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, itemName, "'" + item.textValue() + "' is listed twice");
            }
        }
        return List.copyOf(ids);
    }
}
