package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.BlockedChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A started thread blocks for good while the test thread joins it. Whether the scheduler models the blocking (a
 * latch, a park) or not (a pipe read inside the JDK), the test fails, says where, and the run ends: nothing hangs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockedChildTests {

    @Test
    void blockingTheSchedulerCannotSeeIsReportedAsUnmanagedBlocking() {
        EngineRuns run = EngineRuns.run(BlockedChild.class, "appendsToABufferTheTestThreadLocked");
        ConcurrencyFailure failure = run.failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.UNMANAGED_BLOCKING);
        assertThat(failure.schedule()).isEqualTo(1);
        assertThat(failure.getMessage())
                .contains("thread 1 is blocked (BLOCKED) in code the scheduler does not manage")
                .contains("java.lang.StringBuffer.append")
                .contains("BlockedChild.lambda$appendsToABufferTheTestThreadLocked$")
                .doesNotContain("Threads that could not be stopped");
        assertThat(run.entries).containsEntry("interleave.verdict", "failed");
    }

    @Test
    void aSynchronizedListsLockInsideTheJdkIsModelled() {
        ConcurrencyFailure failure = EngineRuns.run(BlockedChild.class, "addsToAListTheTestThreadLocked").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.schedule()).isEqualTo(1);
        assertThat(failure.getMessage())
                .contains("thread 0 (interleave-test) waits for thread 1 to end (join)")
                .containsPattern("thread 1 waits to lock SynchronizedRandomAccessList#\\d+, held by thread 0")
                .contains("at Collections$SynchronizedCollection.add(Collections.java:")
                .contains("cycle: thread 0 -> thread 1 -> thread 0")
                .doesNotContain("Threads that could not be stopped");
    }

    @Test
    void aLatchNobodyCountsDownIsADeadlockNamingThePark() {
        ConcurrencyFailure failure = EngineRuns.run(BlockedChild.class, "awaitsALatchNobodyCountsDown").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage())
                .contains("thread 0 (interleave-test) waits for thread 1 to end (join)")
                .contains("thread 1 is parked (LockSupport.park, blocker ")
                .contains("no thread is left to unpark it")
                .contains("call CountDownLatch.await()")
                .doesNotContain("Threads that could not be stopped");
    }

    @Test
    void aParkNobodyUnparksIsADeadlockNamingThePark() {
        ConcurrencyFailure failure = EngineRuns.run(BlockedChild.class, "parksWithNobodyToUnpark").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage())
                .contains("thread 0 (interleave-test) waits for thread 1 to end (join)")
                .contains("thread 1 is parked (LockSupport.park) and no thread is left to unpark it")
                .containsPattern("BlockedChild\\.lambda\\$parksWithNobodyToUnpark\\$\\d+\\(BlockedChild\\.java:\\d+\\)")
                .doesNotContain("Threads that could not be stopped");
    }
}
