package dev.interleave.samples.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyTest;

/** Three threads that count words into a ConcurrentHashMap and a total under a ReentrantLock: a correct program. */
public class LockAndMap {

    private static final String[] WORDS = {"lock", "map", "lock"};

    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
    private int total;

    private void count() {
        for (String word : WORDS) {
            counts.merge(word, 1, Integer::sum);
            lock.lock();
            try {
                total++;
            } finally {
                lock.unlock();
            }
        }
    }

    @ConcurrencyTest
    void threeThreads() throws InterruptedException {
        Thread second = new Thread(this::count);
        Thread third = new Thread(this::count);
        second.start();
        third.start();
        count();
        second.join();
        third.join();
        assertEquals(9, total);
        assertEquals(6, counts.get("lock"));
    }
}
