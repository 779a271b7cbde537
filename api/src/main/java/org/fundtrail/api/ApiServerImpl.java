package org.fundtrail.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.fundtrail.client.readmodel.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin server: everything is configured inside {@code Javalin.create(config -> …)}. */
final class ApiServerImpl implements ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServerImpl.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("org.fundtrail.api.access");
    private static final Set<HandlerType> READ_METHODS = Set.of(HandlerType.GET, HandlerType.HEAD,
            HandlerType.OPTIONS);
    /** The largest request body accepted (the API reads none). */
    static final long MAX_BODY_BYTES = 1024;
    /** The largest request head (request line and headers). */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    /** Headers of every answer: CORS for browsers on other sites, and no content sniffing. */
    static final Map<String, String> COMMON_HEADERS = commonHeaders();

    private final BuilderImpl config;
    private final Ledger ledger;
    private final List<Route> routes;
    private final byte[] openapi;
    private final Javalin app;
    private final RateLimiter limiter;
    private final ResponseCache cache;
    private final CachedAnswerHandler cachedAnswers;
    private boolean started;
    private boolean closed;

    private ApiServerImpl(BuilderImpl b) {
        this.config = b;
        this.ledger = new Ledger(b.readModel, 4);
        this.cache = new ResponseCache(b.cacheBytes);
        this.limiter = b.rateRequests > 0 ? new RateLimiter(b.rateRequests, b.ratePeriod) : null;
        this.cachedAnswers = new CachedAnswerHandler(ledger, cache, limiter, b.maxAge.toSeconds(),
                b.accessLog);
        PageController pages = new PageController();
        this.routes = Routes.table(new RecordController(ledger), new LedgerController(ledger, b.timeout, b.blocks,
                b.projectionHealth, b.policyChaincode, b.policy), pages);
        this.openapi = OpenApi.document(routes, version());
        pages.openapiDocument(openapi);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = b.host;
            cfg.jetty.port = b.port;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.http.generateEtags = false;
            cfg.http.asyncTimeout = b.timeout.toMillis();
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEAD_BYTES);
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                // In front of Javalin: Javalin puts its servlet handler inside the innermost wrapper.
                server.insertHandler(cachedAnswers);
            });
            if (b.accessLog) {
                cfg.requestLogger.http(ApiServerImpl::access);
            }
            cfg.routes.before(this::before);
            for (Route route : routes) {
                cfg.routes.get(route.path(), ctx -> handle(route, ctx));
                cfg.routes.head(route.path(), ctx -> handle(route, ctx));
            }
            cfg.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, fromJavalin(e)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
                error(ctx, new ApiException(500, "INTERNAL", null, "the server failed; this is a bug, not your input"));
            });
        });
    }

    private static Map<String, String> commonHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Access-Control-Allow-Origin", "*");
        h.put("Access-Control-Expose-Headers", "ETag, Retry-After, Content-Disposition");
        h.put("X-Content-Type-Options", "nosniff");
        return java.util.Collections.unmodifiableMap(h);
    }

    private static String version() {
        String v = ApiServerImpl.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /** Every request: CORS, security headers, read-only methods, body size, rate limit. */
    private void before(Context ctx) {
        COMMON_HEADERS.forEach(ctx::header);
        if (!READ_METHODS.contains(ctx.method())) {
            ctx.header("Allow", "GET, HEAD, OPTIONS");
            throw new ApiException(405, "METHOD_NOT_ALLOWED", null, ctx.method().name()
                    + " is not allowed: this API is read-only (GET, HEAD, OPTIONS)");
        }
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY_BYTES || (length < 0 && ctx.header("Transfer-Encoding") != null)) {
            throw new ApiException(413, "REQUEST_TOO_LARGE", null, "this API reads no request body; send none");
        }
        if (limiter != null) {
            long wait = limiter.acquire(ctx.ip());
            if (wait > 0) {
                ctx.header("Retry-After", Long.toString(wait));
                throw new ApiException(429, "RATE_LIMITED", null, "too many requests from " + ctx.ip()
                        + "; retry after " + wait + " s (limit: " + config.rateRequests + " per "
                        + config.ratePeriod.toSeconds() + " s)");
            }
        }
        if (ctx.method() == HandlerType.OPTIONS) {
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "Accept, If-None-Match, Content-Type");
            ctx.header("Access-Control-Max-Age", "86400");
            ctx.header("Allow", "GET, HEAD, OPTIONS");
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    private void handle(Route route, Context ctx) throws Exception {
        Params params = Params.of(ctx, route);
        switch (route.caching()) {
            case LEDGER -> {
                boolean csv = route.produces().contains(Route.CSV)
                        && (!route.produces().contains(Route.JSON) || Negotiation.wantsCsv(ctx));
                if (route.produces().size() > 1) {
                    ctx.header("Vary", "Accept");
                }
                long height = ledger.height();
                if (Caching.ledger(ctx, height, csv ? "csv" : "json", config.maxAge.toSeconds())) {
                    return;
                }
                if (!csv && cache.enabled()) {
                    String key = ctx.attribute(CachedAnswerHandler.KEY);
                    ResponseCache.Entry hit = cache.get(height, key);
                    if (hit != null) {
                        ctx.contentType(hit.contentType()).result(hit.body());
                        return;
                    }
                    route.handler().handle(ctx, params);
                    byte[] body = ctx.attribute(Responses.BODY);
                    if (body != null && ctx.statusCode() == 200) {
                        cache.put(height, key, new ResponseCache.Entry(body, Responses.JSON,
                                route.produces().size() > 1));
                    }
                    return;
                }
            }
            case IMMUTABLE -> ctx.header("Cache-Control", "public, max-age=86400");
            case NONE -> ctx.header("Cache-Control", "no-store");
            case STATIC -> {
                // the handler sets the ETag of its bytes
            }
            default -> throw new IllegalStateException(route.caching().name());
        }
        route.handler().handle(ctx, params);
    }

    private static ApiException fromJavalin(HttpResponseException e) {
        if (e.getStatus() == 404) {
            return new ApiException(404, "NOT_FOUND", null, "no such route; see /openapi.json or /docs");
        }
        return new ApiException(e.getStatus(), "HTTP_" + e.getStatus(), null, String.valueOf(e.getMessage()));
    }

    private static void error(Context ctx, ApiException e) {
        ctx.res().setHeader("ETag", null);
        ctx.res().setHeader("Vary", null);
        ctx.header("Cache-Control", "no-store");
        Responses.error(ctx, e);
    }

    private static void access(Context ctx, Float ms) {
        logAccess(ctx.ip(), ctx.method().name(), ctx.attribute(CachedAnswerHandler.KEY), ctx.statusCode(), ms);
    }

    /** One line of the access log: client, method, target (shortened, control characters escaped), status, time. */
    static void logAccess(String ip, String method, String target, int status, float ms) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        ACCESS.info("{} {} {} {} {}ms", ip, method, Params.preview(target.length() > 300 ? target.substring(0, 300)
                : target), status, String.format("%.1f", ms));
    }

    /** Answers Jetty's own errors (malformed request line, headers too large, …) in the one error shape. */
    static final class JsonErrorHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                                        Throwable cause, Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(body(code, message)), callback);
        }

        @Override
        @SuppressWarnings("removal") // still how Jetty 12.1 renders a malformed request's answer
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            fields.put(HttpHeader.CACHE_CONTROL, "no-store");
            return ByteBuffer.wrap(body(status, reason));
        }

        private static byte[] body(int code, String message) {
            String text = message == null || message.isBlank() ? "the request was refused" : message;
            return Json.bytes(Json.error(code, "HTTP_" + code, null, Params.preview(text)));
        }
    }

    /** @return the route table the server runs (for tests) */
    List<Route> routes() {
        return routes;
    }

    /** @return the OpenAPI document served at /openapi.json */
    byte[] openapi() {
        return openapi.clone();
    }

    /** @return how many requests were answered from the cache in front of Javalin (for tests) */
    long answeredInFront() {
        return cachedAnswers.answered();
    }

    /** @return the Javalin app (for tests that compare the document with the router) */
    Javalin javalin() {
        return app;
    }

    @Override
    public synchronized void start() throws IOException {
        if (started || closed) {
            throw new IllegalStateException(closed ? "the server is closed" : "the server is already started");
        }
        try {
            app.start();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof IOException)) {
                cause = cause.getCause();
            }
            if (cause instanceof BindException || e.getClass().getSimpleName().contains("Bind")) {
                throw new BindException("cannot listen on " + config.host + ":" + config.port + ": "
                        + e.getMessage());
            }
            throw e;
        }
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector sc) {
                sc.setIdleTimeout(config.timeout.toMillis());
            }
        }
        started = true;
        LOG.info("Fundtrail API on http://{}:{}/ (read model at height {})", config.host, app.port(),
                ledger.height());
    }

    @Override
    public synchronized int port() {
        if (!started) {
            throw new IllegalStateException("the server is not started");
        }
        return app.port();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (started) {
                app.stop();
            }
        }
    }

    static final class BuilderImpl implements Builder {
        private ReadModel readModel;
        private String host = "127.0.0.1";
        private int port = 8080;
        private int rateRequests = 1200;
        private Duration ratePeriod = Duration.ofMinutes(1);
        private BlockStore blocks;
        private String policyChaincode;
        private String policy;
        private java.util.function.Supplier<java.util.Optional<String>> projectionHealth = java.util.Optional::empty;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration maxAge = Duration.ofSeconds(5);
        private boolean accessLog = true;
        private long cacheBytes = 64L << 20;

        @Override
        public Builder readModel(ReadModel readModel) {
            this.readModel = Objects.requireNonNull(readModel, "readModel");
            return this;
        }

        @Override
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        @Override
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: " + port + " is not from 0 to 65535");
            }
            this.port = port;
            return this;
        }

        @Override
        public Builder rateLimit(int requests, Duration period) {
            Objects.requireNonNull(period, "period");
            if (requests < 0) {
                throw new IllegalArgumentException("requests: " + requests + " is negative");
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period: " + period + " is not positive");
            }
            this.rateRequests = requests;
            this.ratePeriod = period;
            return this;
        }

        @Override
        public Builder projectionHealth(java.util.function.Supplier<java.util.Optional<String>> problem) {
            this.projectionHealth = Objects.requireNonNull(problem, "problem");
            return this;
        }

        @Override
        public Builder blocks(BlockStore blocks) {
            this.blocks = Objects.requireNonNull(blocks, "blocks");
            return this;
        }

        @Override
        public Builder endorsementPolicy(String chaincode, String policy) {
            this.policyChaincode = Objects.requireNonNull(chaincode, "chaincode");
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        @Override
        public Builder requestTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout: " + timeout + " is not positive");
            }
            this.timeout = timeout;
            return this;
        }

        @Override
        public Builder cacheMaxAge(Duration maxAge) {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("maxAge: " + maxAge + " is negative");
            }
            this.maxAge = maxAge;
            return this;
        }

        @Override
        public Builder responseCache(long maxBytes) {
            if (maxBytes < 0) {
                throw new IllegalArgumentException("maxBytes: " + maxBytes + " is negative");
            }
            this.cacheBytes = maxBytes;
            return this;
        }

        @Override
        public Builder accessLog(boolean enabled) {
            this.accessLog = enabled;
            return this;
        }

        @Override
        public ApiServer build() {
            Objects.requireNonNull(readModel, "readModel");
            return new ApiServerImpl(this);
        }
    }
}
