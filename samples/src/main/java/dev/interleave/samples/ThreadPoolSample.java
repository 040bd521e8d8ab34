package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Tasks on a thread pool: the pool's workers are managed threads, so the lost update between two tasks is found
 * like one between two threads. The correct versions count with atomics and a {@code ConcurrentHashMap}.
 */
public class ThreadPoolSample {

    private int hits;
    private final AtomicInteger atomicHits = new AtomicInteger();
    private final ConcurrentHashMap<String, LongAdder> perPage = new ConcurrentHashMap<>();

    private static void runOnAPool(Runnable... tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (Runnable task : tasks) {
            pool.execute(task);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void lostUpdateBetweenTasks() throws InterruptedException {
        runOnAPool(() -> hits++, () -> hits++);
        assertEquals(2, hits);
    }

    @ConcurrencyTest
    void atomicsAndAConcurrentMap() throws InterruptedException {
        Runnable visit = () -> {
            atomicHits.incrementAndGet();
            perPage.computeIfAbsent("/index", page -> new LongAdder()).increment();
        };
        runOnAPool(visit, visit, visit);
        assertEquals(3, atomicHits.get());
        assertEquals(3, perPage.get("/index").sum());
    }
}
