package org.fundtrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseCacheTest {
    private static ResponseCache.Entry entry(int size) {
        return new ResponseCache.Entry(new byte[size], "application/json", false);
    }

    @Test
    void answers_are_kept_for_one_height_and_dropped_when_it_moves() {
        ResponseCache cache = new ResponseCache(1000);
        cache.put(5, "/a", entry(10));
        assertThat(cache.get(5, "/a")).isNotNull();
        assertThat(cache.get(6, "/a")).as("a newer height never sees an older answer").isNull();
        cache.put(6, "/b", entry(10));
        assertThat(cache.get(6, "/a")).isNull();
        assertThat(cache.get(6, "/b")).isNotNull();
        cache.put(5, "/late", entry(10));
        assertThat(cache.get(5, "/late")).as("an answer rendered at an older height is not kept").isNull();
    }

    @Test
    void the_cache_is_bounded_in_bytes_and_can_be_off() {
        ResponseCache cache = new ResponseCache(1000);
        cache.put(1, "/big", entry(251));
        assertThat(cache.get(1, "/big")).as("no entry above a quarter of the cache").isNull();
        for (int i = 0; i < 5; i++) {
            cache.put(1, "/" + i, entry(250));
        }
        assertThat(cache.get(1, "/3")).isNotNull();
        assertThat(cache.get(1, "/4")).as("full").isNull();
        ResponseCache off = new ResponseCache(0);
        off.put(1, "/a", entry(1));
        assertThat(off.enabled()).isFalse();
        assertThat(off.get(1, "/a")).isNull();
    }
}
