package org.fundtrail.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Writes answers. */
final class Responses {
    static final String JSON = "application/json";

    private Responses() {
    }

    /** The request attribute holding a rendered JSON body, for the response cache. */
    static final String BODY = "fundtrail.body";

    static void json(Context ctx, JsonNode body) {
        bytes(ctx, Json.bytes(body));
    }

    static void bytes(Context ctx, byte[] json) {
        ctx.attribute(BODY, json);
        ctx.contentType(JSON).result(json);
    }

    static void error(Context ctx, ApiException e) {
        ctx.status(e.status());
        ctx.contentType(JSON).result(Json.bytes(Json.error(e.status(), e.error(), e.parameter(), e.getMessage())));
    }
}
