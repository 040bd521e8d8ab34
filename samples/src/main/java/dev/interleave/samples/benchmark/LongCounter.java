package dev.interleave.samples.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;

/** A correct program with long schedules, some 40,000 steps each: what recording costs per step shows here. */
public class LongCounter {

    private static final int INCREMENTS = 10_000;

    private int count;

    @ConcurrencyTest(schedules = 20)
    void twoLongLoops() throws InterruptedException {
        Thread other = new Thread(this::incrementMany);
        other.start();
        incrementMany();
        other.join();
        assertEquals(2 * INCREMENTS, count);
    }

    private void incrementMany() {
        for (int i = 0; i < INCREMENTS; i++) {
            synchronized (this) {
                count++;
            }
        }
    }
}
