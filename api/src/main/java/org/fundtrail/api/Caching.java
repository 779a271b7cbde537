package org.fundtrail.api;

import io.javalin.http.Context;

/**
 * ETags and Cache-Control tied to the ledger height: an answer can change only when the read
 * model applies a block, so its validator is the height (weak, per representation).
 */
final class Caching {
    private Caching() {
    }

    /** @return the ETag of an answer at a height, in one representation */
    static String ledgerEtag(long height, String variant) {
        return "W/\"h" + height + "-" + variant + "\"";
    }

    /** @return the Cache-Control value of an answer that may be reused for this long */
    static String maxAge(long seconds) {
        return "public, max-age=" + seconds;
    }

    /** @return whether an If-None-Match header names the ETag (weak comparison, as RFC 9110 asks) */
    static boolean matches(String ifNoneMatch, String etag) {
        String tag = opaque(etag);
        for (String part : ifNoneMatch.split(",")) {
            String candidate = part.trim();
            if (candidate.equals("*") || opaque(candidate).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /**
     * Sets ETag and Cache-Control and answers 304 when the client holds this version.
     *
     * @return true when the answer is a 304 and the handler must not run
     */
    static boolean ledger(Context ctx, long height, String variant, long maxAgeSeconds) {
        String etag = ledgerEtag(height, variant);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", maxAge(maxAgeSeconds));
        String inm = ctx.header("If-None-Match");
        if (inm != null && matches(inm, etag)) {
            ctx.status(304);
            ctx.res().setContentType(null); // not Javalin's default text/plain: a 304 carries no content
            return true;
        }
        return false;
    }
}
