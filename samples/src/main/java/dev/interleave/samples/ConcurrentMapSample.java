package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Seed 000's check-then-act on a thread-safe map: {@code containsKey} and {@code put} are each atomic, not
 * together, so two threads can both create the value. {@code computeIfAbsent} checks and creates in one step, even
 * though its function runs while the map holds a lock of its own.
 */
public class ConcurrentMapSample {

    private final ConcurrentHashMap<String, Integer> cache = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();

    private void getOrCreateInTwoSteps() {
        if (!cache.containsKey("key")) {
            cache.put("key", created.incrementAndGet());
        }
    }

    private void getOrCreateAtomically() {
        cache.computeIfAbsent("key", key -> created.incrementAndGet());
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void checkThenPut() throws InterruptedException {
        Thread other = new Thread(this::getOrCreateInTwoSteps);
        other.start();
        getOrCreateInTwoSteps();
        other.join();
        assertEquals(1, created.get(), "values created");
    }

    @ConcurrencyTest
    void computeIfAbsent() throws InterruptedException {
        Thread other = new Thread(this::getOrCreateAtomically);
        other.start();
        getOrCreateAtomically();
        other.join();
        assertEquals(1, created.get(), "values created");
    }
}
