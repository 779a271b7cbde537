package org.fundtrail.api;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a GET whose rendered answer is already in the {@link ResponseCache} at the ledger's
 * current height straight from Jetty, in front of Javalin's routing and servlet layer (which cost
 * about two thirds of a cached answer's time); everything else goes on to Javalin. An answer from
 * here has the same status, headers and bytes as Javalin's, and passes the same rate limit.
 *
 * <p>It also names every request's cache key (path and raw query) in a request attribute, so Javalin's
 * side stores and looks up answers under exactly the key used here. Requests that ask for compression go to
 * Javalin, which compresses; so do HEAD, OPTIONS and every other method.
 */
final class CachedAnswerHandler extends Handler.Wrapper {
    /** Request attribute: the cache key of the request, as this handler computed it. */
    static final String KEY = "fundtrail.cacheKey";

    private final Ledger ledger;
    private final ResponseCache cache;
    private final RateLimiter limiter;
    private final long maxAgeSeconds;
    private final boolean logAccess;
    private final LongAdder answered = new LongAdder();

    /**
     * @param limiter the rate limiter, or null when there is none
     * @param logAccess whether to write each answered request to the access log
     */
    CachedAnswerHandler(Ledger ledger, ResponseCache cache, RateLimiter limiter, long maxAgeSeconds,
            boolean logAccess) {
        this.ledger = ledger;
        this.cache = cache;
        this.limiter = limiter;
        this.maxAgeSeconds = maxAgeSeconds;
        this.logAccess = logAccess;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        HttpURI uri = request.getHttpURI();
        String query = uri.getQuery();
        String key = query == null ? uri.getPath() : uri.getPath() + "?" + query;
        request.setAttribute(KEY, key);
        if (!cache.enabled() || !HttpMethod.GET.is(request.getMethod()) || request.getLength() > 0
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)
                || request.getHeaders().contains(HttpHeader.ACCEPT_ENCODING)) {
            return super.handle(request, response, callback); // Javalin refuses a body, compresses, answers the rest
        }
        long height;
        try {
            height = ledger.height();
        } catch (RuntimeException e) {
            return super.handle(request, response, callback); // Javalin answers the failure in the error shape
        }
        ResponseCache.Entry entry = cache.get(height, key);
        if (entry == null || (entry.variesByAccept()
                && Negotiation.wantsCsv(request.getHeaders().get(HttpHeader.ACCEPT)))) {
            return super.handle(request, response, callback);
        }
        String ip = Request.getRemoteAddr(request);
        if (limiter != null) {
            if (limiter.acquire(ip) > 0) {
                return super.handle(request, response, callback); // a refusal takes no token: Javalin asks again
            }
        }
        var headers = response.getHeaders();
        for (Map.Entry<String, String> h : ApiServerImpl.COMMON_HEADERS.entrySet()) {
            headers.put(h.getKey(), h.getValue());
        }
        if (entry.variesByAccept()) {
            headers.put(HttpHeader.VARY, "Accept");
        }
        String etag = Caching.ledgerEtag(height, "json");
        headers.put(HttpHeader.ETAG, etag);
        headers.put(HttpHeader.CACHE_CONTROL, Caching.maxAge(maxAgeSeconds));
        answered.increment(); // before the answer leaves: a client may ask how many right after it
        List<String> ifNoneMatch = request.getHeaders().getValuesList(HttpHeader.IF_NONE_MATCH);
        int status;
        if (!ifNoneMatch.isEmpty() && Caching.matches(String.join(",", ifNoneMatch), etag)) {
            status = 304;
            response.setStatus(status);
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
        } else {
            status = 200;
            headers.put(HttpHeader.CONTENT_TYPE, entry.contentType());
            headers.put(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, entry.body().length));
            response.write(true, ByteBuffer.wrap(entry.body()), callback);
        }
        if (logAccess) {
            ApiServerImpl.logAccess(ip, "GET", key, status, (System.nanoTime() - start) / 1e6f);
        }
        return true;
    }

    /** @return how many requests this handler answered itself */
    long answered() {
        return answered.sum();
    }
}
