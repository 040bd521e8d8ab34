package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.Futures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CompletableFuture} chains on a {@code ThreadPoolExecutor}, on the common pool and through the delayed
 * executor: every thread they start is managed, correct chains pass with their stages interleaved, and a lost update
 * between stages is found as what it is.
 */
class FutureTests {

    private static EngineRuns passesInterleaved(String method, int schedules) {
        EngineRuns run = EngineRuns.run(Futures.class, method).assertPassedAll(schedules);
        assertThat(Integer.parseInt(run.entries.get("interleave.interleavings"))).as("distinct interleavings")
                .isGreaterThan(1);
        return run;
    }

    /** The first stage completes on a worker, which hands the next to the pool: the pool starts its second worker. */
    @Test
    void aChainWhoseWorkerStartsTheNextWorkerPasses() {
        passesInterleaved("applyAsyncOnAPool", 100);
    }

    @Test
    void composeCombineAllOfWhenCompleteAndExceptionallyPass() {
        passesInterleaved("composeCombineAllOf", 100);
        passesInterleaved("whenCompleteAndExceptionally", 100);
    }

    @Test
    void asyncAndPlainStagesMixedPass() {
        passesInterleaved("mixedStages", 100);
    }

    /** JUnit's launchers end the JVM after the tests: workers left idle in a pool only leak, and the test passes. */
    @Test
    void aPoolTheTestForgetsToShutDownPassesAndIsNamed() {
        EngineRuns run = passesInterleaved("applyAsyncOnAPoolNeverShutDown", 100);

        assertThat(run.entries.get("interleave.daemonsStopped")).isEqualTo("in 100 of 100 schedules the test"
                + " method returned while only daemon threads and workers idle in a thread pool that was never shut"
                + " down were left (the first time: thread 1 (pool worker 1), idle in a thread pool that was never"
                + " shut down, thread 2 (pool worker 2), idle in a thread pool that was never shut down); they were"
                + " stopped, as the JVM stops them when JUnit's launcher ends it after the tests");
    }

    @Test
    void aLostUpdateBetweenStagesIsFoundAsALostUpdateAndReplays(@TempDir Path failures) {
        ConcurrencyFailure found = EngineRuns.run(Futures.class, "lostUpdateInAChain",
                "interleave.failures.dir", failures.toString()).failure();

        assertThat(found.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(found.getMessage()).startsWith("thread 0 (interleave-test) threw")
                .contains("[count]", "expected: 2", "but was: 1")
                .doesNotContain("cannot manage");
        String file = found.scheduleFile().orElseThrow().toString();
        for (int replay = 0; replay < 3; replay++) {
            ConcurrencyFailure again = EngineRuns.run(Futures.class, "lostUpdateInAChain", "interleave.replay", file,
                    "interleave.failures.dir", failures.toString()).failure();
            assertThat(EngineRuns.interleaving(again)).isEqualTo(EngineRuns.interleaving(found));
        }
    }

    /**
     * Without an executor, each task runs on a thread of its own, as the JDK runs it where the common pool has no
     * parallelism: the same schedules on any machine and JDK.
     */
    @Test
    void aChainOnTheCommonPoolPassesTheSameWayTwice() {
        EngineRuns first = passesInterleaved("chainOnTheCommonPool", 100);
        EngineRuns second = passesInterleaved("chainOnTheCommonPool", 100);

        assertThat(second.entries.get("interleave.interleavings"))
                .isEqualTo(first.entries.get("interleave.interleavings"));
        assertThat(second.entries.get("interleave.steps")).isEqualTo(first.entries.get("interleave.steps"));
    }

    /**
     * The JDK hands a task without an executor to a thread of its own where the common pool has no parallelism, and
     * to the common pool's workers where it has: the schedule's threads run it either way, and a seed finds the same
     * failure by the same interleaving.
     */
    @Test
    @Timeout(180)
    void aLostUpdateOnTheCommonPoolIsTheSameWhateverItsParallelism(@TempDir Path failures) throws Exception {
        String one = runInFreshJvm("1", failures);
        String four = runInFreshJvm("4", failures);

        assertThat(one).startsWith("thread 0 (interleave-test) threw").contains("expected: 2", "but was: 1");
        assertThat(four.lines().findFirst()).isEqualTo(one.lines().findFirst());
        assertThat(four.substring(four.indexOf("\nInterleaving, ")))
                .isEqualTo(one.substring(one.indexOf("\nInterleaving, ")));
    }

    private static String runInFreshJvm(String parallelism, Path failures) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(),
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + parallelism,
                "-cp", System.getProperty("java.class.path"), FreshJvmRun.class.getName(),
                Futures.class.getName() + "#lostUpdateOnTheCommonPool", "interleave.seed", "2026",
                failures.toString())).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the run's output").contains(FreshJvmRun.END);
        String report = output.substring(0, output.indexOf(FreshJvmRun.END));
        return report.substring(report.indexOf('\n', report.lastIndexOf("[interleave] ")) + 1);
    }

    /** Timeouts that the JDK's delay scheduler would watch, on real time, on a thread every test shares. */
    @Test
    void orTimeoutAndCompleteOnTimeoutRunOnTheSchedulesClock() {
        EngineRuns run = passesInterleaved("timeouts", 100);

        assertThat(run.wallTime).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aForkJoinPoolOfTheTestsOwnIsAClearErrorThatNamesTheFix() {
        ConcurrencyFailure failure = EngineRuns.run(Futures.class, "chainOnAForkJoinPoolOfItsOwn").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.UNMANAGED_THREAD);
        assertThat(failure.getMessage()).startsWith("A thread the scheduler cannot manage: thread 0 (interleave-test)"
                + " handed a task to a ForkJoinPool, whose threads Interleave does not manage")
                .contains("Executors.newFixedThreadPool(n)", "with such an executor or with none (the common pool)");
    }

    /** 100 schedules of a five-second delay each would take over eight minutes of real waiting. */
    @Test
    void delayedExecutorsWaitOnTheSchedulesClock() {
        EngineRuns onAPool = passesInterleaved("delayedExecutorOnAPool", 100);
        EngineRuns onTheCommonPool = passesInterleaved("delayedExecutorOnTheCommonPool", 100);

        assertThat(onAPool.wallTime.plus(onTheCommonPool.wallTime)).isLessThan(Duration.ofMinutes(1));
    }
}
