package org.fundtrail.chaincode.domain;

/** Small helpers for quoting user-supplied text in refusal messages. */
final class Texts {
    private static final int PREVIEW = 80;

    private Texts() {
    }

    /** Shortens a value for an error message, so an overlong input cannot flood a log line. */
    static String preview(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= PREVIEW ? value : value.substring(0, PREVIEW) + "…(" + value.length() + " chars)";
    }
}
