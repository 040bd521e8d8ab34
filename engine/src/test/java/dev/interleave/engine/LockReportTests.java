package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.Deadlocks;
import dev.interleave.fixtures.LockDeadlocks;
import org.junit.jupiter.api.Test;

/** Deadlock reports through java.util.concurrent locks name the locks, their holders, and who waits for them. */
class LockReportTests {

    @Test
    void aLockOrderDeadlockNamesBothHolders() {
        ConcurrencyFailure failure = EngineRuns.run(Deadlocks.class, "reentrantLocksBothWays").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage())
                .containsPattern("thread 0 \\(interleave-test\\) waits to lock ReentrantLock#\\d, held by thread 1,"
                        + " which took it at Deadlocks\\.lockBoth\\(Deadlocks\\.java:74\\); it waits at"
                        + " Deadlocks\\.lockBoth\\(Deadlocks\\.java:76\\)")
                .containsPattern("thread 1 waits to lock ReentrantLock#\\d, held by thread 0 \\(interleave-test\\),"
                        + " which took it at Deadlocks\\.lockBoth\\(Deadlocks\\.java:74\\); it waits at"
                        + " Deadlocks\\.lockBoth\\(Deadlocks\\.java:76\\)")
                .containsPattern("cycle: thread (0 -> thread 1 -> thread 0|1 -> thread 0 -> thread 1)");
    }

    @Test
    void aMonitorDeadlockSaysWhereEachHolderTookWhatTheOtherWaitsFor() {
        ConcurrencyFailure failure = EngineRuns.run(Deadlocks.class, "oppositeOrderBlocks").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage())
                .containsPattern("thread 0 \\(interleave-test\\) waits to lock Object#\\d, held by thread 1, which"
                        + " took it at Deadlocks\\.lambda\\$oppositeOrderBlocks\\$\\d+\\(Deadlocks\\.java:17\\); it"
                        + " waits at Deadlocks\\.oppositeOrderBlocks\\(Deadlocks\\.java:25\\)")
                .containsPattern("thread 1 waits to lock Object#\\d, held by thread 0 \\(interleave-test\\), which"
                        + " took it at Deadlocks\\.oppositeOrderBlocks\\(Deadlocks\\.java:24\\); it waits at"
                        + " Deadlocks\\.lambda\\$oppositeOrderBlocks\\$\\d+\\(Deadlocks\\.java:18\\)");
    }

    @Test
    void theReaderWriterDeadlockTellsReadFromWriteHolds() {
        ConcurrencyFailure failure = EngineRuns.run(LockDeadlocks.class, "readersAndAQueuedWriter").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage())
                .containsPattern("thread 1 \\(x\\) waits to lock ReentrantReadWriteLock#1 for reading, held by thread 2"
                        + " \\(y\\) \\(reading\\), which took it at Deadlocks\\.lockBoth\\(Deadlocks\\.java:74\\); queued"
                        + " ahead of it: thread 3 \\(z\\) \\(writing\\)")
                .contains("thread 2 (y) waits to lock ReentrantLock#1, held by thread 1 (x), which took it at")
                .contains("thread 3 (z) waits to lock ReentrantReadWriteLock#1 for writing, held by thread 2 (y)"
                        + " (reading), which took it at")
                .contains("cycle: thread 1 -> thread 3 -> thread 2 -> thread 1");
    }

    @Test
    void aThreadAwaitingAConditionDoesNotHoldItsLock() {
        ConcurrencyFailure failure = EngineRuns.run(LockDeadlocks.class, "awaitsASignalThatNeverComes").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage()).contains("thread 1 (waiter) is parked").doesNotContain("held by");
    }
}
