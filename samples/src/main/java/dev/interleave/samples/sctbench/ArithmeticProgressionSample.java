package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code arithmetic_prog}: a producer and a consumer hand N items over a one-item buffer with two
 * conditions, and the consumer sums 0 + 1 + ... + N as it goes. The synchronization is correct, so the sum is
 * N(N + 1) / 2 in every schedule; the buggy program claims it never is, and fails in the very first schedule that
 * completes. The suite keeps it as a floor: a tester that misses this one misses everything. The fixed program
 * claims the true sum.
 */
public class ArithmeticProgressionSample {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition empty = lock.newCondition();
    private final Condition full = lock.newCondition();
    private int items;
    private long total;
    private boolean consumerDone;

    private void producer(int n) {
        for (int i = 0; i < n; i++) {
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

    private void consumer(int n) {
        int j = 0;
        while (j < n) {
            lock.lock();
            try {
                while (items == 0) {
                    full.awaitUninterruptibly();
                }
                total += j;
                items--;
                empty.signal();
            } finally {
                lock.unlock();
            }
            j++;
        }
        total += j;
        consumerDone = true;
    }

    private void run(int n) throws InterruptedException {
        Threads.runAll(() -> producer(n), () -> consumer(n));
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void claimsTheSumIsNeverReached() throws InterruptedException {
        run(3);
        if (consumerDone) {
            assertNotEquals(3 * 4 / 2, total, "the sum of 0..3");
        }
    }

    @ConcurrencyTest
    void claimsTheTrueSum() throws InterruptedException {
        run(4);
        if (consumerDone) {
            assertEquals(4 * 5 / 2, total, "the sum of 0..4");
        }
    }
}
