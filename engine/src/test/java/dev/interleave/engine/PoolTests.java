package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.ForeignPool;
import dev.interleave.fixtures.Pools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thread pools under the scheduler: their workers are managed, their bugs found, their misuse named. */
class PoolTests {

    @Test
    void aLostUpdateBetweenTwoPoolTasksIsFound() {
        ConcurrencyFailure failure = EngineRuns.run(Pools.class, "lostUpdateOnAPool").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).contains("expected: 2", "but was: 1");
    }

    /**
     * A pool keeps its workers in a hash set, whose order identity hashes decide, and its shutdown() interrupts them
     * in that order: the schedule must not depend on it.
     */
    @Test
    void aPoolsFailureReplaysTheSameInterleavingEveryTime(@TempDir Path failures) {
        for (String seed : new String[] {"3", "2026", "11"}) {
            ConcurrencyFailure found = EngineRuns.run(Pools.class, "lostUpdateOnAPool", "interleave.seed", seed,
                    "interleave.failures.dir", failures.toString()).failure();
            String file = found.scheduleFile().orElseThrow().toString();
            for (int replay = 0; replay < 5; replay++) {
                ConcurrencyFailure again = EngineRuns.run(Pools.class, "lostUpdateOnAPool", "interleave.replay", file,
                        "interleave.failures.dir", failures.toString()).failure();
                assertThat(EngineRuns.interleaving(again)).isEqualTo(EngineRuns.interleaving(found));
            }
        }
    }

    @Test
    void correctTasksOnAPoolPassEverySchedule() {
        EngineRuns.run(Pools.class, "atomicIncrementsOnAPool").assertPassedAll(300);
    }

    @Test
    void futuresAndCompletableFuturesOnAnExplicitExecutorPass() {
        EngineRuns.run(Pools.class, "futuresOnAnExplicitExecutor").assertPassedAll(200);
    }

    @Test
    void aScheduledExecutorRunsItsDelaysOnVirtualTime() {
        EngineRuns run = EngineRuns.run(Pools.class, "scheduledTasks").assertPassedAll(100);

        // 100 schedules of a five-second delay would take over eight minutes of real waiting
        assertThat(run.wallTime).isLessThan(Duration.ofMinutes(1));
    }

    /** As under JUnit on a real JVM, where the launcher ends the JVM after the tests: the worker only leaks. */
    @Test
    void aPoolLeftRunningPassesAndIsNamed() {
        EngineRuns run = EngineRuns.run(Pools.class, "leavesThePoolRunning").assertPassedAll(10);

        assertThat(run.entries.get("interleave.daemonsStopped")).contains("(the first time: thread 1 (pool worker 1),"
                + " idle in a thread pool that was never shut down)");
    }

    /** The pool's worker is left idle while another thread the test started waits for ever: still a deadlock. */
    @Test
    void aPoolLeftRunningNextToADeadlockIsNamedInIt() {
        ConcurrencyFailure failure = EngineRuns.run(Pools.class, "leavesThePoolRunningAndAThreadWaiting").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage()).contains("thread 1 (pool worker 1) waits for tasks of a"
                + " thread pool that was never shut down");
    }

    @Test
    void handingATaskToTheCommonPoolIsAClearError() {
        ConcurrencyFailure failure = EngineRuns.run(Pools.class, "waitsForTheCommonPool").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.UNMANAGED_THREAD);
        assertThat(failure.getMessage()).contains("thread 0 (interleave-test) handed a task to"
                + " ForkJoinPool.commonPool(), whose threads Interleave does not manage");
    }

    /** Only CompletableFuture's own tasks get a thread of their own; any other task on the common pool is refused. */
    @Test
    void aRunnableSubmittedOrExecutedOnTheCommonPoolIsAClearError() {
        for (String method : new String[] {"runsARunnableOnTheCommonPool", "executesARunnableOnTheCommonPool"}) {
            ConcurrencyFailure failure = EngineRuns.run(Pools.class, method).failure();

            assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.UNMANAGED_THREAD);
            assertThat(failure.getMessage()).contains("thread 0 (interleave-test) handed a task to"
                    + " ForkJoinPool.commonPool(), whose threads Interleave does not manage");
        }
    }

    @Test
    void aParallelStreamIsAClearError() {
        ConcurrencyFailure failure = EngineRuns.run(Pools.class, "sumsAParallelStream").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.UNMANAGED_THREAD);
        assertThat(failure.getMessage()).contains("fork() or invoke(), which run on ForkJoinPool.commonPool()");
    }

    @Test
    void theDefaultAsyncExecutorRunsOnManagedThreadsOnAnyMachine() {
        EngineRuns.run(Pools.class, "waitsForTheDefaultAsyncExecutor").assertPassedAll(10);
    }

    @Test
    void waitingForATaskOnAWorkerNoScheduleManagesIsADeadlockThatSaysSo() {
        ConcurrencyFailure failure = EngineRuns.run(ForeignPool.class, "waitsForAForeignWorker").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.schedule()).isEqualTo(1);
        assertThat(failure.getMessage()).contains("thread 0 (interleave-test) is parked (LockSupport.park, blocker"
                + " FutureTask#1) and no thread is left to unpark it")
                .contains("such as the worker of an executor started before the test");
    }
}
