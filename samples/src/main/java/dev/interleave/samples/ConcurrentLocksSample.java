package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * The lock-order deadlock of seed 004 with {@code java.util.concurrent} locks, and correct programs built on them:
 * every blocking in {@code java.util.concurrent} parks through {@code LockSupport}, which the scheduler models.
 */
public class ConcurrentLocksSample {

    private final ReentrantLock lockA = new ReentrantLock();
    private final ReentrantLock lockB = new ReentrantLock();
    private int counter;
    private int seen;

    private void both(ReentrantLock first, ReentrantLock second) {
        first.lock();
        try {
            second.lock();
            try {
                counter++;
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void reentrantLocksInOppositeOrder() throws InterruptedException {
        Thread other = new Thread(() -> both(lockB, lockA));
        other.start();
        both(lockA, lockB);
        other.join();
        assertEquals(2, counter);
    }

    @ConcurrencyTest
    void reentrantLocksInOneOrder() throws InterruptedException {
        Thread other = new Thread(() -> both(lockA, lockB));
        other.start();
        both(lockA, lockB);
        other.join();
        assertEquals(2, counter);
    }

    @ConcurrencyTest
    void latchHandsOverAValue() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            counter = 42;
            ready.countDown();
        });
        producer.start();
        ready.await();
        seen = counter;
        producer.join();
        assertEquals(42, seen);
    }
}
