package org.fundtrail.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One GET route of the API, declared once: its path (Javalin and OpenAPI share the
 * {@code {name}} syntax), what it is for, the parameters it reads, what it answers and how its
 * answers may be cached. {@link ApiServerImpl} registers it with Javalin (GET and HEAD) and
 * {@link OpenApi} describes it.
 *
 * @param path the path, e.g. {@code /api/v1/allocations/{id}}
 * @param operationId a unique name of the operation
 * @param tag the group it is listed under in the document
 * @param summary one line for the document
 * @param description more for the document, or empty
 * @param params the parameters it reads
 * @param produces the media types of its 200 answer
 * @param schema the component schema name of its JSON answer, or null
 * @param caching how its answers may be cached
 * @param errors the error statuses it may answer besides 400, 429 and 500
 * @param handler what it does
 * @param reads the parameters read at run time (kept for the test that compares them to the document)
 */
record Route(String path, String operationId, String tag, String summary, String description, List<Param> params,
             List<String> produces, String schema, Caching caching, List<Integer> errors, Handler handler,
             Set<String> reads) {
    /** How the answers of a route may be cached. */
    enum Caching {
        /** Changes when the ledger grows: ETag of the read model's height, short max-age. */
        LEDGER,
        /** Never changes once it exists (a committed block or transaction). */
        IMMUTABLE,
        /** Part of the server itself (page, document): ETag of the bytes. */
        STATIC,
        /** Never cached. */
        NONE
    }

    /** What a route does with a request whose parameters passed their declared checks. */
    @FunctionalInterface
    interface Handler {
        void handle(Context ctx, Params params) throws Exception;
    }

    static final String JSON = "application/json";
    static final String CSV = "text/csv";
    static final String HTML = "text/html";

    Route {
        Objects.requireNonNull(path, "path");
        params = List.copyOf(params);
        produces = List.copyOf(produces);
        errors = List.copyOf(errors);
    }

    static Route of(String path, String operationId, String tag, String summary, String description,
                    List<Param> params, List<String> produces, String schema, Caching caching, List<Integer> errors,
                    Handler handler) {
        return new Route(path, operationId, tag, summary, description, params, produces, schema, caching, errors,
                handler, ConcurrentHashMap.newKeySet());
    }

    Optional<Param> param(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @return the declared query parameters by name */
    Map<String, Param> queryParams() {
        Map<String, Param> map = new java.util.LinkedHashMap<>();
        for (Param p : params) {
            if (p.in() == Param.In.QUERY) {
                map.put(p.name(), p);
            }
        }
        return map;
    }
}
