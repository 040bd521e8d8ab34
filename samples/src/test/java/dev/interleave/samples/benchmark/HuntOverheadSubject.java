package dev.interleave.samples.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.hunt.ReadThroughCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One correct test run both ways by {@link HuntBenchmark}: hunted (Jupiter runs it inside each schedule) and as a
 * {@code @ConcurrencyTest} (Interleave's own runner calls it), so that the difference per schedule is what running
 * Jupiter costs. Not a Surefire test (no Test suffix).
 */
public class HuntOverheadSubject {

    private ReadThroughCache<String, Integer> cache;

    @BeforeEach
    void newCache() {
        cache = new ReadThroughCache<>(String::length);
    }

    @Test
    @ConcurrencyTest
    void countsEveryMissFromTwoThreads() throws InterruptedException {
        Thread other = new Thread(() -> cache.get("left"));
        other.start();
        cache.get("right");
        other.join();
        assertEquals(2, cache.misses());
    }
}
