package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code lazy01}: two threads add 1 and 2 to a counter under one lock, and a third asserts, under the
 * same lock, that the counter is still below 3. The locking is right; the assertion holds only while at least one
 * of the adders has not run, so it fails exactly when the checker's critical section comes after both of theirs.
 * There is no fixed twin: the claim itself is wrong.
 */
public class LazySample {

    private final Object lock = new Object();
    private int data;

    private void add(int amount) {
        synchronized (lock) {
            data += amount;
        }
    }

    private void check() {
        synchronized (lock) {
            assertTrue(data < 3, "the counter reached " + data);
        }
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void checkerAfterBothAdders() throws InterruptedException {
        Threads.runAll(() -> add(1), () -> add(2), this::check);
    }
}
