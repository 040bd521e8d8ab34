package dev.interleave.samples.benchmark;

import static org.junit.jupiter.api.Assertions.fail;

import dev.interleave.ConcurrencyTest;

/**
 * Two threads that count under a lock for a long time and then fail on purpose: schedules of about 100,000 and
 * 1,000,000 steps whose files the schedule-file benchmark weighs.
 */
public class LongFailure {

    private final Object lock = new Object();
    private int count;

    private void countUnderTheLock(int times) {
        for (int i = 0; i < times; i++) {
            synchronized (lock) {
                count++;
            }
        }
    }

    /** Each round is four steps: lock, read, write, unlock. */
    private void run(int steps) throws InterruptedException {
        int perThread = steps / 8;
        Thread other = new Thread(() -> countUnderTheLock(perThread));
        other.start();
        countUnderTheLock(perThread);
        other.join();
        fail("counted " + count + " times, and failed on purpose so that the schedule is saved");
    }

    /** The smallest, for a quick run of the benchmark that checks it still starts. */
    @ConcurrencyTest(schedules = 1)
    void tenThousandSteps() throws InterruptedException {
        run(10_000);
    }

    @ConcurrencyTest(schedules = 1)
    void hundredThousandSteps() throws InterruptedException {
        run(100_000);
    }

    @ConcurrencyTest(schedules = 1)
    void millionSteps() throws InterruptedException {
        run(1_000_000);
    }
}
