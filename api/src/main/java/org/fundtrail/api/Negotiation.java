package org.fundtrail.api;

import io.javalin.http.Context;

/** Content negotiation between JSON (the default) and CSV. */
final class Negotiation {
    private Negotiation() {
    }

    /** @return whether the Accept header prefers {@code text/csv} to JSON */
    static boolean wantsCsv(Context ctx) {
        return wantsCsv(ctx.header("Accept"));
    }

    /** @return whether an Accept header (null when absent) prefers {@code text/csv} to JSON */
    static boolean wantsCsv(String accept) {
        if (accept == null || !accept.contains("text/csv")) {
            return false;
        }
        double csv = -1;
        double json = -1;
        for (String part : accept.split(",")) {
            String[] pieces = part.trim().split(";");
            String type = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/csv")) {
                csv = Math.max(csv, q);
            } else if (type.equals("application/json")) {
                json = Math.max(json, q);
            }
        }
        return csv > 0 && csv > json;
    }
}
