package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Seed 002: two threads increment a shared counter. Reading, adding one and writing back are three steps; a
 * switch between them loses an update. Plain runs rarely hit the window, even with a {@code sleep(0)}/yield in it.
 */
public class CounterSample {

    private int counter;

    private void incrementWithYield() {
        int count = counter;
        Thread.yield(); // seed 002's sleep(0): try to force a switch to the other thread
        counter = count + 1;
    }

    private void increment() {
        counter++;
    }

    private synchronized void incrementSafely() {
        counter++;
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void lostUpdateWithYield() throws InterruptedException {
        Thread other = new Thread(this::incrementWithYield);
        other.start();
        incrementWithYield();
        other.join();
        assertEquals(2, counter, "count is now");
    }

    /** The same bug without any yield in the code: the scheduler finds the window at the field accesses. */
    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void lostUpdate() throws InterruptedException {
        Thread other = new Thread(this::increment);
        other.start();
        increment();
        other.join();
        assertEquals(2, counter, "count is now");
    }

    @ConcurrencyTest
    void synchronizedIncrement() throws InterruptedException {
        Thread other = new Thread(this::incrementSafely);
        other.start();
        incrementSafely();
        other.join();
        assertEquals(2, counter, "count is now");
    }
}
