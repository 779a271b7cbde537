package org.fundtrail.api;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code requests} tokens refilled evenly over {@code period}.
 * A request without a token is refused with the seconds until the next one. Idle buckets are
 * dropped, so the map does not grow with the number of clients ever seen.
 */
final class RateLimiter {
    private final double capacity;
    private final double tokensPerNano;
    private final long idleNanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    RateLimiter(int requests, Duration period) {
        this.capacity = requests;
        this.tokensPerNano = requests / (double) period.toNanos();
        this.idleNanos = Math.max(period.toNanos(), 1_000_000_000L);
    }

    /**
     * @param client the client's address
     * @return 0 when the request may go on, else the seconds to wait (at least 1)
     */
    long acquire(String client) {
        long now = System.nanoTime();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * tokensPerNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missing = 1 - bucket.tokens;
            return Math.max(1, (long) Math.ceil(missing / tokensPerNano / 1e9));
        }
    }

    private void sweep(long now) {
        if (now - lastSweep < idleNanos) {
            return;
        }
        lastSweep = now;
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Bucket b = it.next().getValue();
            synchronized (b) {
                if (now - b.at > idleNanos) {
                    it.remove();
                }
            }
        }
    }
}
