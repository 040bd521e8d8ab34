package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code stateful06_ok} and {@code stateful20_ok}: adders add 5 to a counter, round after round, while a
 * checker adds 0, 1, 2, ... and asserts after each of its own additions that the counter is not 2 modulo 5. Adding 5
 * never changes the remainder, and the checker's own sums are triangular numbers, which are never 2 modulo 5, so
 * with every update under one lock the claim holds in every schedule. The buggy twin is ours: one adder skips the
 * lock, so its read-add-write can swallow one of the checker's additions and shift the remainder onto 2.
 */
public class StatefulSample {

    private final ReentrantLock lock = new ReentrantLock();
    private int data = 10;

    private void adder(int rounds, boolean locked) {
        for (int i = 0; i < rounds; i++) {
            if (locked) {
                lock.lock();
            }
            try {
                data += 5;
            } finally {
                if (locked) {
                    lock.unlock();
                }
            }
        }
    }

    private void checker(int rounds) {
        for (int j = 0; j < rounds; j++) {
            lock.lock();
            try {
                data += j;
                assertNotEquals(2, data % 5, "the counter modulo 5 after adding " + j);
            } finally {
                lock.unlock();
            }
        }
    }

    @ConcurrencyTest
    void stateful06() throws InterruptedException {
        Threads.runAll(() -> adder(19, true), () -> checker(19));
    }

    @ConcurrencyTest
    void stateful20() throws InterruptedException {
        Threads.runAll(() -> adder(20, true), () -> checker(20), () -> adder(20, true));
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void adderWithoutTheLock() throws InterruptedException {
        Threads.runAll(() -> adder(19, false), () -> checker(19));
    }
}
