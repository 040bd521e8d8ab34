package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code twostage}: writers set {@code first = 1} under one lock, release it, then set
 * {@code second = first + 1} under another; a reader that finds {@code first} set expects {@code second} to follow
 * from it. Each stage is locked, but the pair is not: the reader fails when it runs in the gap between some
 * writer's two stages, before any writer has completed the second. With one writer that gap is easy to hit; with a
 * hundred writers started before the reader, one of them almost always completes both stages first, and the bug
 * needs a schedule that holds every writer back after its first stage.
 */
public class TwoStageSample {

    private final Object firstLock = new Object();
    private final Object secondLock = new Object();
    private int first;
    private int second;

    private void writeInTwoStages() {
        synchronized (firstLock) {
            first = 1;
        }
        synchronized (secondLock) {
            second = first + 1;
        }
    }

    private void readInTwoStages() {
        int seenFirst;
        synchronized (firstLock) {
            if (first == 0) {
                return;
            }
            seenFirst = first;
        }
        int seenSecond;
        synchronized (secondLock) {
            seenSecond = second;
        }
        assertEquals(seenFirst + 1, seenSecond, "second stage after a first stage of " + seenFirst);
    }

    /** The fix: the first lock is held across both stages, by the writer and by the reader. */
    private void writeUnderBothLocks() {
        synchronized (firstLock) {
            first = 1;
            synchronized (secondLock) {
                second = first + 1;
            }
        }
    }

    private void readUnderBothLocks() {
        synchronized (firstLock) {
            if (first == 0) {
                return;
            }
            synchronized (secondLock) {
                assertEquals(first + 1, second, "second stage after a first stage of " + first);
            }
        }
    }

    private void twoStage(int writers, Runnable write, Runnable read) throws InterruptedException {
        Threads.runAll(Threads.concat(Threads.copies(writers, write), Threads.copies(1, read)));
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void twoStage() throws InterruptedException {
        twoStage(1, this::writeInTwoStages, this::readInTwoStages);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void twoStage10() throws InterruptedException {
        twoStage(10, this::writeInTwoStages, this::readInTwoStages);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void twoStage20() throws InterruptedException {
        twoStage(20, this::writeInTwoStages, this::readInTwoStages);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void twoStage50() throws InterruptedException {
        twoStage(50, this::writeInTwoStages, this::readInTwoStages);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void twoStage100() throws InterruptedException {
        twoStage(100, this::writeInTwoStages, this::readInTwoStages);
    }

    @ConcurrencyTest
    void firstLockHeldAcrossBothStages() throws InterruptedException {
        twoStage(10, this::writeUnderBothLocks, this::readUnderBothLocks);
    }
}
