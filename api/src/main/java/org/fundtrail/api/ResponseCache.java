package org.fundtrail.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered JSON answers of the API keyed by URL and representation, valid for one ledger height:
 * an answer can change only when the read model applies a block, so when the height moves the
 * whole cache is dropped. Bounded in bytes: when full, new answers are not kept until the next
 * height. Popular records, pages and traces are then served without touching the database.
 */
final class ResponseCache {
    /**
     * One rendered answer.
     *
     * @param variesByAccept whether its route also answers CSV to an Accept header that prefers it
     */
    record Entry(byte[] body, String contentType, boolean variesByAccept) {
    }

    private final long maxBytes;
    private final long maxEntryBytes;
    private final AtomicLong bytes = new AtomicLong();
    private volatile long height = -1;
    private volatile ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
        this.maxEntryBytes = Math.max(1, maxBytes / 4);
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    Entry get(long atHeight, String key) {
        if (atHeight != height) {
            return null;
        }
        return entries.get(key);
    }

    void put(long atHeight, String key, Entry entry) {
        if (maxBytes <= 0 || entry.body().length > maxEntryBytes) {
            return;
        }
        synchronized (this) {
            if (atHeight != height) {
                if (atHeight < height) {
                    return;
                }
                entries = new ConcurrentHashMap<>();
                bytes.set(0);
                height = atHeight;
            }
            if (bytes.get() + entry.body().length > maxBytes) {
                return;
            }
            if (entries.putIfAbsent(key, entry) == null) {
                bytes.addAndGet(entry.body().length);
            }
        }
    }
}
