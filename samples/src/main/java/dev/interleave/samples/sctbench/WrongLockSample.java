package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code wronglock} (one checker and seven incrementers) and {@code wronglock_3} (three incrementers):
 * the checker increments a counter under the data's lock and expects to read back exactly its own increment, but
 * the incrementers guard the same counter with a different lock, so holding "the" lock excludes nobody. An
 * incrementer's write landing between the checker's increment and its read-back fails the check. The number in a
 * method's name is how many incrementers take the wrong lock.
 */
public class WrongLockSample {

    private final ReentrantLock dataLock = new ReentrantLock();
    private final ReentrantLock otherLock = new ReentrantLock();
    private int value;

    private void incrementAndCheck() {
        dataLock.lock();
        try {
            int before = value;
            value++;
            assertEquals(before + 1, value, "the counter right after my own increment");
        } finally {
            dataLock.unlock();
        }
    }

    private void increment(ReentrantLock lock) {
        lock.lock();
        try {
            value++;
        } finally {
            lock.unlock();
        }
    }

    private void wrongLock(int incrementers, ReentrantLock theirLock) throws InterruptedException {
        Threads.runAll(Threads.concat(Threads.copies(1, this::incrementAndCheck),
                Threads.copies(incrementers, () -> increment(theirLock))));
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void wrongLock1() throws InterruptedException {
        wrongLock(1, otherLock);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void wrongLock3() throws InterruptedException {
        wrongLock(3, otherLock);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void wrongLock7() throws InterruptedException {
        wrongLock(7, otherLock);
    }

    @ConcurrencyTest
    void everyoneTakesTheDataLock() throws InterruptedException {
        wrongLock(7, dataLock);
    }
}
