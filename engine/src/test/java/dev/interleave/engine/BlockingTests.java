package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.CorrectPrograms;
import dev.interleave.fixtures.Deadlocks;
import dev.interleave.fixtures.Spinner;
import org.junit.jupiter.api.Test;

class BlockingTests {

    @Test
    void reportsALockOrderDeadlockWithItsCycle() {
        ConcurrencyFailure failure = EngineRuns.run(Deadlocks.class, "oppositeOrderBlocks").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage())
                .startsWith("Deadlock: no thread can run, and 2 threads have not finished:")
                .containsPattern("thread 0 \\(interleave-test\\) waits to lock Object#\\d, held by thread 1")
                .containsPattern("thread 1 waits to lock Object#\\d, held by thread 0")
                .contains("cycle: thread ");
    }

    @Test
    void reportsADeadlockThroughSynchronizedMethods() {
        ConcurrencyFailure failure = EngineRuns.run(Deadlocks.class, "synchronizedMethodsBothWays").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage()).contains("waits to lock Account#", "cycle: thread ")
                .contains("Deadlocks$Account.deposit(Deadlocks.java:");
    }

    @Test
    void reportsAWaitThatNoThreadWillNotify() {
        ConcurrencyFailure failure = EngineRuns.run(Deadlocks.class, "waitWithoutNotify").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage()).contains("waits in Object#1.wait() for a notify that no thread is left"
                + " to send");
    }

    @Test
    void reportsADeadlockOfJavaUtilConcurrentLocks() {
        ConcurrencyFailure failure = EngineRuns.run(Deadlocks.class, "reentrantLocksBothWays").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage()).contains("is parked (LockSupport.park, blocker NonfairSync#")
                .contains("call ReentrantLock.lock()");
    }

    @Test
    void reportsASpinHoldingTheLockAsAHang() {
        ConcurrencyFailure failure = EngineRuns.run(Spinner.class, "spinsHoldingTheLock").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.HANG);
        assertThat(failure.getMessage()).contains("passed its bound of 500 scheduling points")
                .contains("thread 1 can run")
                .contains("waits to lock Object#1, held by thread 1");
    }

    @Test
    void passesCorrectProgramsInEverySchedule() {
        EngineRuns counter = EngineRuns.run(CorrectPrograms.class, "synchronizedCounter");
        EngineRuns handOff = EngineRuns.run(CorrectPrograms.class, "waitNotifyHandOff");

        assertThat(counter.passed()).as("%s", counter.result).isTrue();
        assertThat(counter.entries).containsEntry("interleave.schedules", "300")
                .containsEntry("interleave.verdict", "passed").containsEntry("interleave.seed", "1");
        assertThat(handOff.passed()).as("%s", handOff.result).isTrue();
        assertThat(handOff.entries).containsEntry("interleave.schedules", "300");
    }
}
