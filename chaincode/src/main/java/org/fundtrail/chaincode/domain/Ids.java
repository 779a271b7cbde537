package org.fundtrail.chaincode.domain;

import java.util.regex.Pattern;

/**
 * Record ids: chosen by the submitter, {@code [A-Za-z0-9._-]{1,64}} but never {@code .} or {@code ..}
 * (they would name the current or parent folder in a URL path), unique across the ledger. This is the
 * one place the rule lives: the CLI and the API check ids with it too.
 *
 * <pre>{@code
 * String id = Ids.require("allocationId", request.get("allocationId"));
 * }</pre>
 */
public final class Ids {
    /** The id syntax, anchored, usable both in Java and as a JSON Schema / OpenAPI {@code pattern}. */
    public static final Pattern PATTERN = Pattern.compile("^(?!\\.{1,2}$)[A-Za-z0-9._-]{1,64}$");

    /** The rule in words, for messages. */
    public static final String RULE = "1 to 64 of A-Z a-z 0-9 . _ -, and not '.' or '..'";

    private Ids() {
    }

    /**
     * @param value a candidate id
     * @return whether it is a well-formed id
     */
    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /**
     * @param field the field name used in a refusal
     * @param value a candidate id
     * @return the id
     * @throws Refusal INVALID_ARGUMENT when malformed
     */
    public static String require(String field, String value) {
        if (!isValid(value)) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field, "'" + Texts.preview(value) + "' is not a valid id ("
                    + RULE + ")");
        }
        return value;
    }
}
