package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.Deadlocks;
import dev.interleave.fixtures.Spinner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deadlocks and hangs: found, explained, and never allowed to hang the build. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockingTests {

    @Test
    void reportsALockOrderDeadlockOfSynchronizedBlocksWithItsCycle() {
        EngineRuns run = EngineRuns.run(Deadlocks.class, "oppositeOrderBlocks");
        ConcurrencyFailure failure = run.failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getCause()).isNull();
        assertThat(failure.getMessage())
                .contains("Deadlock: no thread can run, and 2 threads have not finished:")
                .containsPattern("thread 0 \\(interleave-test\\) waits to lock Object#\\d, held by thread 1")
                .containsPattern("thread 1 waits to lock Object#\\d, held by thread 0")
                .containsPattern("cycle: thread [01] -> thread [01] -> thread [01]")
                .contains("Run it again: mvn test -Dtest=Deadlocks#oppositeOrderBlocks -Dinterleave.seed=9");
        assertThat(run.entries).containsEntry("interleave.verdict", "failed");
    }

    @Test
    void reportsADeadlockThroughSynchronizedMethodsOfTwoInstances() {
        ConcurrencyFailure failure = EngineRuns.run(Deadlocks.class, "synchronizedMethodsBothWays").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage())
                .containsPattern("thread 0 \\(interleave-test\\) waits to lock Account#\\d, held by thread 1")
                .containsPattern("thread 1 waits to lock Account#\\d, held by thread 0")
                .contains("cycle: thread ")
                // blocked where transferTo calls deposit: the scheduler decides before a synchronized call
                .contains("Deadlocks$Account.transferTo(Deadlocks.java:");
    }

    @Test
    void reportsAWaitThatNoThreadWillNotifyAsADeadlock() {
        ConcurrencyFailure failure = EngineRuns.run(Deadlocks.class, "waitWithoutNotify").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.schedule()).isEqualTo(1);
        assertThat(failure.getMessage()).contains("Deadlock: no thread can run, and 1 thread has not finished:")
                .contains("thread 0 (interleave-test) waits in Object#1.wait() for a notify that no thread is left"
                        + " to send")
                .containsPattern("\\(Deadlocks\\.java:\\d+\\)");
    }

    @Test
    void reportsADeadlockOfJavaUtilConcurrentLocks() {
        ConcurrencyFailure failure = EngineRuns.run(Deadlocks.class, "reentrantLocksBothWays").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage()).containsPattern("waits to lock ReentrantLock#\\d, held by thread")
                .contains("call Lock.lock()");
    }

    @Test
    void reportsASpinWhileHoldingTheLockTheOtherThreadNeedsAsAHang() {
        EngineRuns run = EngineRuns.run(Spinner.class, "spinsHoldingTheLock");
        ConcurrencyFailure failure = run.failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.HANG);
        assertThat(failure.getMessage()).contains("Hang: the schedule passed its bound of 500 scheduling points")
                .contains("thread 1 can run")
                .contains("waits to lock Object#1, held by thread 1")
                .contains("read Spinner.ready");
        assertThat(run.entries).containsEntry("interleave.verdict", "failed")
                .containsEntry("interleave.schedules", Integer.toString(failure.schedule()));
    }
}
