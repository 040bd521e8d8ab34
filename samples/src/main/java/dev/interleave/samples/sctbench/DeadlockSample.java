package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code deadlock01}: two threads update a counter holding two locks, one taking a then b, the other b
 * then a. It deadlocks when each takes its first lock before the other takes its second. The fix takes the locks in
 * one global order.
 */
public class DeadlockSample {

    private final ReentrantLock a = new ReentrantLock();
    private final ReentrantLock b = new ReentrantLock();
    private int counter = 1;

    private void update(ReentrantLock outer, ReentrantLock inner, int delta) {
        outer.lock();
        try {
            inner.lock();
            try {
                counter += delta;
            } finally {
                inner.unlock();
            }
        } finally {
            outer.unlock();
        }
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void locksInOppositeOrders() throws InterruptedException {
        Threads.runAll(() -> update(a, b, 1), () -> update(b, a, -1));
        assertEquals(1, counter);
    }

    @ConcurrencyTest
    void locksInOneOrder() throws InterruptedException {
        Threads.runAll(() -> update(a, b, 1), () -> update(a, b, -1));
        assertEquals(1, counter);
    }
}
