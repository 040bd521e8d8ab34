package dev.interleave.samples.sctbench;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code sync02}: a producer and a consumer each make the same number of rounds over a buffer that holds
 * one item, with "empty" and "full" conditions. The buggy program starts with two items already in the buffer, so
 * the consumer's rounds are used up on those and the producer's second item is never taken: whatever the order, the
 * producer ends up waiting for an empty buffer that nobody will empty. The fixed program starts empty.
 */
public class Sync02Sample {

    private static final int ROUNDS = 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition empty = lock.newCondition();
    private final Condition full = lock.newCondition();
    private int items;

    private void producer(int rounds) {
        for (int i = 0; i < rounds; i++) {
            lock.lock();
            try {
                while (items > 0) {
                    empty.awaitUninterruptibly();
                }
                items++;
                full.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    private void consumer(int rounds) {
        for (int i = 0; i < rounds; i++) {
            lock.lock();
            try {
                while (items == 0) {
                    full.awaitUninterruptibly();
                }
                items--;
                empty.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void bufferStartsWithTwoItems() throws InterruptedException {
        items = 2;
        Threads.runAll(() -> producer(ROUNDS), () -> consumer(ROUNDS));
    }

    @ConcurrencyTest
    void bufferStartsEmpty() throws InterruptedException {
        Threads.runAll(() -> producer(10), () -> consumer(10));
    }
}
