package org.fundtrail.chaincode.domain;

import java.util.regex.Pattern;

/** Record ids: chosen by the submitter, {@code [A-Za-z0-9._-]{1,64}}, unique across the ledger. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Ids() {
    }

    /**
     * @param value a candidate id
     * @return whether it is a well-formed id
     */
    public static boolean isValid(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /**
     * @param field the field name used in a refusal
     * @param value a candidate id
     * @return the id
     * @throws Refusal INVALID_ARGUMENT when malformed
     */
    public static String require(String field, String value) {
        if (!isValid(value)) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field, "'" + Texts.preview(value)
                    + "' is not a valid id (1 to 64 of A-Z a-z 0-9 . _ -)");
        }
        return value;
    }
}
