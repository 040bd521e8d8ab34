package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.Runaways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thread that never reaches a scheduling point is bounded by the watchdog, reported with where it loops, and left
 * running without holding up the tests after it.
 */
class RunawayTests {

    private static final String WATCHDOG = "interleave.watchdog.millis";

    @Test
    @Timeout(60)
    void aTestThreadLoopingOnALocalIsReportedAsAHangAndTheNextTestRuns() {
        EngineRuns run = EngineRuns.run(Runaways.class, "testThreadLoopsOnALocal", WATCHDOG, "300");

        ConcurrencyFailure failure = run.failure();
        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.HANG);
        assertThat(failure.getMessage())
                .contains("thread 0 (interleave-test) ran for")
                .contains("without reaching a scheduling point")
                .contains("-D" + WATCHDOG + "=300")
                .contains("Runaways.testThreadLoopsOnALocal(Runaways.java:")
                .contains("left running in this JVM")
                .contains("The schedule was not shrunk: a thread of it could not be stopped");
        assertThat(run.wallTime).isLessThan(Duration.ofSeconds(30));

        EngineRuns.run(Runaways.class, "returnsAtOnce").assertPassedAll(3);
    }

    @Test
    @Timeout(60)
    void aChildLoopingOnALocalIsReportedAsAHangAndTheNextTestRuns() {
        EngineRuns run = EngineRuns.run(Runaways.class, "childLoopsOnALocal", WATCHDOG, "300");

        ConcurrencyFailure failure = run.failure();
        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.HANG);
        assertThat(failure.getMessage())
                .contains("Hang: thread 1 ran for")
                .contains("without reaching a scheduling point")
                .contains("Runaways.lambda$childLoopsOnALocal$")
                .contains("Threads that could not be stopped afterwards");
        assertThat(run.wallTime).isLessThan(Duration.ofSeconds(30));

        EngineRuns.run(Runaways.class, "returnsAtOnce").assertPassedAll(3);
    }

    @Test
    @Timeout(60)
    void daemonThreadsLeftWhenTheTestMethodReturnsAreStoppedAsTheJvmWould() {
        EngineRuns run = EngineRuns.run(Runaways.class, "leavesADaemonThreadRunning");

        run.assertPassedAll(5);
        assertThat(run.entries.get("interleave.daemonsStopped"))
                .isEqualTo("in 5 of 5 schedules the test method returned while only daemon threads ran (the first "
                        + "time: thread 1 (ticker)); they were stopped, as a JVM stops daemon threads when it exits");
        assertThat(Long.parseLong(run.entries.get("interleave.longestSchedule"))).isLessThan(1_000);
    }

    @Test
    @Timeout(60)
    void threadsThatAreNoDaemonsLeftRunningAreReportedSoon() {
        EngineRuns run = EngineRuns.run(Runaways.class, "leavesAThreadThatIsNoDaemonRunning");

        ConcurrencyFailure failure = run.failure();
        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.HANG);
        assertThat(failure.getMessage())
                .contains("the test method returned (thread 0 ended) 10000 scheduling points ago, but threads that "
                        + "are not daemon threads are still running")
                .contains("thread 1 (ticker), last at Runaways.tickForEver(Runaways.java:")
                .contains("make them daemon threads (setDaemon(true))");
        assertThat(Long.parseLong(run.entries.get("interleave.longestSchedule"))).isLessThan(20_000);
    }

    @Test
    void systemExitOnAManagedThreadFailsTheTestAndTheJvmRunsOn() {
        ConcurrencyFailure failure = EngineRuns.run(Runaways.class, "childCallsSystemExit").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage())
                .startsWith("thread 1 threw dev.interleave.scheduler.JvmExitRefused: thread 1 called System.exit(3), "
                        + "which would end the JVM")
                .contains("ends: called System.exit(3)");
        assertThat(failure.getCause().getStackTrace()[0].toString())
                .startsWith("dev.interleave.fixtures.Runaways.lambda$childCallsSystemExit$");

        Throwable halted = EngineRuns.run(Runaways.class, "haltsTheRuntime").failure().getCause();
        assertThat(halted).hasMessageStartingWith("thread 0 (interleave-test) called Runtime.halt(4)");
    }

    @Test
    void aWatchdogBoundThatIsNotAPositiveCountIsRefused() {
        Throwable thrown = EngineRuns.run(Runaways.class, "returnsAtOnce", WATCHDOG, "soon").throwable();

        assertThat(thrown).hasMessageContaining("-D" + WATCHDOG + "=soon is not a whole number");
    }
}
