package dev.interleave.usertests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The verifier reads what the engine reports: its console line, a failure's headline and its trace. */
class ReportReadingTests {

    private static final String FAILURE = """
            failure: dev.interleave.ConcurrencyFailure:\s
            Deadlock: no thread can run, and 2 threads have not finished:
              thread 1 waits in Object#1.wait() for a notify that no thread is left to send at Q.send(Q.java:21)

            QTest.stranded() failed in schedule 15 of at most 100 (strategy POS, seed 505).
            Shrunk from 3 to 1 preemptions (5 schedules tried).
            Schedule saved: /home/me/a/target/usertests/run-one/schedules/QTest/stranded-505-15.schedule
            Replay it exactly: mvn test -Dtest=QTest#stranded -Dinterleave.replay=/home/me/a/stranded-505-15.schedule

            Interleaving, 2 steps (thread 0 runs the test method):
            step  thread 0 (interleave-test)  where
               1  starts
               2  ends

            \tat dev.interleave.report.FailureReport.toFailure(FailureReport.java:109)
            """;

    @Test
    void theConsoleLineGivesTheVerdictAndWhatWasExploredWithoutTheTime() {
        Optional<ConsoleLine> line = ConsoleLine.parse("[interleave] StackTest.pushUnderItsLock(): passed, 100 schedules"
                + " (7 distinct interleavings, 14 steps each on average), strategy POS, seed 101, 0.63 s");

        assertThat(line).contains(new ConsoleLine("StackTest.pushUnderItsLock", "passed", 100,
                "100 schedules (7 distinct interleavings, 14 steps each on average)"));
        assertThat(ConsoleLine.parse("[interleave] StackTest.push(): forgot a.schedule: it no longer fails")).isEmpty();
    }

    @Test
    void theHeadlineSkipsTheLineThatOnlyNamesTheException() {
        TestOutcome outcome = new TestOutcome("QTest.stranded", false, FAILURE, Optional.empty());

        assertThat(outcome.headline()).isEqualTo("Deadlock: no thread can run, and 2 threads have not finished:");
        assertThat(outcome.foundInSchedule()).contains(15);
    }

    @Test
    void theScheduleIsReadWhateverStrategyOfThePortfolioRanIt() {
        String portfolio = FAILURE.replace("(strategy POS, seed 505)",
                "(strategy PORTFOLIO (this schedule: PCT, depth 3), seed 505)");

        assertThat(new TestOutcome("QTest.stranded", false, portfolio, Optional.empty()).foundInSchedule())
                .contains(15);
    }

    @Test
    void theTraceKeepsWhereItFailedHowItShrankAndTheInterleavingButNotTheRunsOwnFolders() {
        String trace = new TestOutcome("QTest.stranded", false, FAILURE, Optional.empty()).trace();

        assertThat(trace).isEqualTo("""
                failed in schedule 15 of at most 100 (strategy POS, seed 505).
                Shrunk from 3 to 1 preemptions (5 schedules tried).
                Interleaving, 2 steps (thread 0 runs the test method):
                step  thread 0 (interleave-test)  where
                   1  starts
                   2  ends""");
        assertThat(trace).doesNotContain("target/usertests");
    }

    @Test
    void theReplayLineIsSplitIntoWordsAsAShellSplitsIt() {
        assertThat(HuntTests.words("mvn test -Dtest=PoolTest#borrow -Dinterleave.hunt=true"
                + " '-Dinterleave.replay=/a b/borrow-nightly 1-5.schedule'")).containsExactly("mvn", "test",
                "-Dtest=PoolTest#borrow", "-Dinterleave.hunt=true",
                "-Dinterleave.replay=/a b/borrow-nightly 1-5.schedule");
    }
}
