package dev.interleave.samples.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Ordinary Jupiter tests of {@link ReadThroughCache}, as a team would write them; nothing in them knows of
 * Interleave. On real threads every one passes almost always. Hunted ({@code -Dinterleave.hunt=true}), the loader
 * test fails: two threads miss the same key at once and both load it. The module's own build leaves this class to
 * the hunt (see the samples pom): it is the subject of {@code HuntSampleTests}, flaky by design.
 */
class ReadThroughCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> loaded = new ConcurrentLinkedQueue<>();
    private ReadThroughCache<String, Integer> cache;

    @BeforeEach
    void newCache() {
        cache = new ReadThroughCache<>(key -> {
            loads.incrementAndGet();
            loaded.add(key);
            return key.length();
        });
    }

    @Test
    void servesWhatItLoaded() {
        assertEquals(5, cache.get("hello"));
        assertEquals(5, cache.get("hello"));
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void countsEveryMissFromTwoThreads() throws InterruptedException {
        Thread other = new Thread(() -> cache.get("left"));
        other.start();
        cache.get("right");
        other.join();
        assertEquals(2, cache.misses());
        assertEquals(2, cache.size());
    }

    @Test
    void bothThreadsSeeTheSameValue() throws InterruptedException {
        Integer[] seen = new Integer[1];
        Thread other = new Thread(() -> seen[0] = cache.get("shared"));
        other.start();
        Integer mine = cache.get("shared");
        other.join();
        assertSame(mine, seen[0]);
    }

    @Test
    void loadsEachKeyOnce() throws InterruptedException {
        Thread other = new Thread(() -> cache.get("config"));
        other.start();
        cache.get("config");
        other.join();
        assertEquals(1, loads.get(), () -> "loaded " + loaded);
    }

    @RepeatedTest(2)
    void invalidatedKeysAreLoadedAgain() throws InterruptedException {
        cache.get("stale");
        Thread other = new Thread(() -> cache.invalidate("stale"));
        other.start();
        other.join();
        cache.get("stale");
        assertEquals(2, loads.get());
    }
}
