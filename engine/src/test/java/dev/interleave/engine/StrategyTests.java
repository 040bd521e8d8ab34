package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.StrategyPrograms;
import dev.interleave.schedulefile.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every strategy finds the small bugs, passes the correct programs (spin loops included: none is reported as a
 * hang), and explores the same schedules for the same seed; the portfolio, the default, names the strategy of the
 * schedule that failed, and its failures replay; EXHAUSTIVE proves the correct programs, with exactly as
 * many interleavings as they have orders of conflicting operations.
 */
class StrategyTests {

    private static final String STRATEGY = "interleave.strategy";

    @ParameterizedTest
    @CsvSource({"RANDOM, 1", "RANDOM, 2", "PCT, 1", "PCT, 2", "POS, 1", "POS, 2", "EXHAUSTIVE, 1", "SURW, 1",
            "SURW, 2", "PORTFOLIO, 1", "PORTFOLIO, 2"})
    void everyStrategyFindsALostUpdateAndADeadlock(String strategy, String seed) {
        ConcurrencyFailure lost = EngineRuns.run(StrategyPrograms.class, "lostUpdate", STRATEGY, strategy,
                "interleave.seed", seed).failure();
        ConcurrencyFailure deadlock = EngineRuns.run(StrategyPrograms.class, "oppositeLockOrder", STRATEGY, strategy,
                "interleave.seed", seed).failure();

        assertThat(lost.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        String member = strategy.equals("PORTFOLIO") ? " \\(this schedule: [A-Z]+(, depth \\d)?\\)" : "";
        assertThat(lost.getMessage()).containsPattern("\\(strategy " + strategy + member + ", seed " + seed + "\\)")
                .contains("-Dinterleave.seed=" + seed + " -Dinterleave.strategy=" + strategy + "\n");
        assertThat(deadlock.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
    }

    @Test
    void thePortfolioIsTheDefault() {
        EngineRuns run = EngineRuns.run(StrategyPrograms.class, "lostUpdate", "interleave.seed", "4");

        assertThat(run.entries).containsEntry("interleave.strategy", "PORTFOLIO");
        assertThat(run.entries.get("interleave.foundBy")).startsWith("PORTFOLIO/");
    }

    /**
     * A failure the portfolio found names the strategy of the schedule that found it, in the report, its entries and
     * its file; the file replays it, and the same seed finds it again at the same schedule.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3"})
    void aFailureThePortfolioFoundNamesItsStrategyAndReplaysFromItsFile(String seed) {
        EngineRuns run = EngineRuns.run(StrategyPrograms.class, "lostUpdateAmongOtherWork", STRATEGY, "PORTFOLIO",
                "interleave.seed", seed);
        ConcurrencyFailure failure = run.failure();
        String foundBy = run.entries.get("interleave.foundBy");
        String member = foundBy.substring("PORTFOLIO/".length());

        assertThat(foundBy).startsWith("PORTFOLIO/");
        assertThat(member).isIn("POS", "SURW", "PCT, depth 3", "RANDOM");
        assertThat(failure.getMessage()).contains("failed in schedule " + failure.schedule() + " of at most 1000"
                + " (strategy PORTFOLIO (this schedule: " + member + "), seed " + seed + ")");
        Path file = failure.scheduleFile().orElseThrow();
        assertThat(ScheduleFiles.read(file).strategy()).isEqualTo(foundBy);

        EngineRuns replay = EngineRuns.run(StrategyPrograms.class, "lostUpdateAmongOtherWork", "interleave.replay",
                file.toString());
        assertThat(replay.failure().getMessage()).contains("recorded in schedule " + failure.schedule()
                + " of an exploration (strategy PORTFOLIO (this schedule: " + member + "), seed " + seed + ")");
        assertThat(EngineRuns.interleaving(replay.failure())).isEqualTo(EngineRuns.interleaving(failure));
        assertThat(replay.entries).containsEntry("interleave.strategy", foundBy);

        ConcurrencyFailure again = EngineRuns.run(StrategyPrograms.class, "lostUpdateAmongOtherWork", STRATEGY,
                "PORTFOLIO", "interleave.seed", seed).failure();
        assertThat(again.schedule()).isEqualTo(failure.schedule());
        assertThat(EngineRuns.interleaving(again)).isEqualTo(EngineRuns.interleaving(failure));
    }

    @ParameterizedTest
    @CsvSource({"RANDOM, threeSynchronizedIncrements", "PCT, threeSynchronizedIncrements",
            "POS, threeSynchronizedIncrements", "RANDOM, spinsWithYield", "PCT, spinsWithYield", "POS, spinsWithYield",
            "RANDOM, spinsWithOnSpinWait", "PCT, spinsWithOnSpinWait", "POS, spinsWithOnSpinWait",
            "RANDOM, pollsAVolatileFlag", "PCT, pollsAVolatileFlag", "POS, pollsAVolatileFlag",
            "SURW, threeSynchronizedIncrements", "SURW, spinsWithYield", "SURW, spinsWithOnSpinWait",
            "SURW, pollsAVolatileFlag", "PORTFOLIO, threeSynchronizedIncrements", "PORTFOLIO, spinsWithYield",
            "PORTFOLIO, spinsWithOnSpinWait", "PORTFOLIO, pollsAVolatileFlag"})
    void everyStrategyPassesCorrectProgramsSpinLoopsIncluded(String strategy, String program) {
        EngineRuns.run(StrategyPrograms.class, program, STRATEGY, strategy, "interleave.seed", "3")
                .assertPassedAll(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PCT", "POS", "SURW", "PORTFOLIO"})
    void theSameSeedExploresTheSameSchedules(String strategy) {
        ConcurrencyFailure first = EngineRuns.run(StrategyPrograms.class, "lostUpdateAmongOtherWork", STRATEGY,
                strategy, "interleave.seed", "11").failure();
        ConcurrencyFailure second = EngineRuns.run(StrategyPrograms.class, "lostUpdateAmongOtherWork", STRATEGY,
                strategy, "interleave.seed", "11").failure();

        assertThat(second.schedule()).isEqualTo(first.schedule());
        assertThat(EngineRuns.interleaving(second)).isEqualTo(EngineRuns.interleaving(first));
    }

    @Test
    void exhaustiveExplorationProvesAProgramWhoseThreadsShareNothingInOneSchedule() {
        EngineRuns run = EngineRuns.run(StrategyPrograms.class, "independentWrites", STRATEGY, "EXHAUSTIVE");

        assertThat(run.passed()).as("%s", run.result).isTrue();
        assertThat(run.entries).containsEntry("interleave.coverage", "its only interleaving explored")
                .containsEntry("interleave.schedules", "1");
    }

    /**
     * Three critical sections on one lock can run in 3! = 6 orders, and an exploration that proves the program must
     * see them all; partial-order reduction keeps it far below the thousands of interleavings of their steps.
     */
    @Test
    void exhaustiveExplorationProvesThreeThreadsOnOneLock() {
        EngineRuns run = EngineRuns.run(StrategyPrograms.class, "threeSynchronizedIncrements", STRATEGY, "EXHAUSTIVE");

        assertThat(run.passed()).as("%s", run.result).isTrue();
        int interleavings = Integer.parseInt(run.entries.get("interleave.interleavings"));
        assertThat(interleavings).isBetween(6, 30);
        assertThat(run.entries).containsEntry("interleave.coverage", "all " + interleavings + " interleavings explored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spinsWithYield", "spinsWithOnSpinWait", "pollsAVolatileFlag"})
    void exhaustiveExplorationEndsOnSpinLoops(String program) {
        EngineRuns run = EngineRuns.run(StrategyPrograms.class, program, STRATEGY, "EXHAUSTIVE",
                "interleave.schedules", "1000");

        assertThat(run.passed()).as("%s", run.result).isTrue();
        assertThat(run.entries.get("interleave.coverage")).startsWith("all ").endsWith(" interleavings explored");
    }

    @Test
    void aBoundOnPreemptionsIsWhatTheProofCovers() {
        EngineRuns withoutPreemptions = EngineRuns.run(StrategyPrograms.class, "lostUpdate", STRATEGY, "EXHAUSTIVE",
                "interleave.maxPreemptions", "0");
        ConcurrencyFailure withOne = EngineRuns.run(StrategyPrograms.class, "lostUpdate", STRATEGY, "EXHAUSTIVE",
                "interleave.maxPreemptions", "1").failure();

        assertThat(withoutPreemptions.passed()).as("a lost update needs a preemption").isTrue();
        assertThat(withoutPreemptions.entries.get("interleave.coverage")).endsWith("with at most 0 preemptions explored");
        assertThat(withOne.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
    }

    @Test
    void anExhaustiveExplorationCutShortByItsBudgetSaysHowFarItGot() {
        EngineRuns run = EngineRuns.run(StrategyPrograms.class, "threeSynchronizedIncrements", STRATEGY, "EXHAUSTIVE",
                "interleave.maxPreemptions", "1", "interleave.schedules", "2");

        assertThat(run.passed()).isTrue();
        assertThat(run.entries.get("interleave.coverage"))
                .startsWith("not every interleaving with at most 1 preemption was explored: the budget of 2 schedules"
                        + " ran out with ")
                .contains("still to explore on the current path, the first at decision ")
                .endsWith("(raise -Dinterleave.schedules)");
    }

    @Test
    void aFailingScheduleIsShrunkToItsNecessaryPreemptionsAndSavedShrunk() {
        EngineRuns run = EngineRuns.run(StrategyPrograms.class, "lostUpdateAmongOtherWork", STRATEGY, "RANDOM",
                "interleave.seed", "5");
        ConcurrencyFailure failure = run.failure();

        int before = Integer.parseInt(run.entries.get("interleave.shrunkFrom"));
        assertThat(before).as("the random walk's switches").isGreaterThan(2);
        assertThat(run.entries).containsEntry("interleave.preemptions", "1");
        assertThat(failure.getMessage()).containsPattern("Shrunk from " + before + " to 1 preemptions \\(\\d+ schedules"
                + " tried\\)\\.");

        Path file = failure.scheduleFile().orElseThrow();
        Matcher shrinking = Pattern.compile("Shrunk from \\d+ to 1 preemptions \\(\\d+ schedules tried\\)\\.")
                .matcher(failure.getMessage());
        assertThat(shrinking.find()).isTrue();
        assertThat(ScheduleFiles.read(file).failure().headline()).as("the saved file says how much it shrank")
                .endsWith(" " + shrinking.group());
        ConcurrencyFailure replayed = EngineRuns.run(StrategyPrograms.class, "lostUpdateAmongOtherWork",
                "interleave.replay", file.toString()).failure();
        assertThat(EngineRuns.interleaving(replayed)).isEqualTo(EngineRuns.interleaving(failure));
    }

    @Test
    void shrinkingCanBeTurnedOff() {
        EngineRuns run = EngineRuns.run(StrategyPrograms.class, "lostUpdateAmongOtherWork", STRATEGY, "RANDOM",
                "interleave.seed", "5", "interleave.shrink", "false");

        assertThat(run.failure().getMessage()).doesNotContain("Shrunk");
        assertThat(run.entries).doesNotContainKey("interleave.shrunkFrom");
    }

    @Test
    void theStatisticsOfAnExplorationAreReportEntries() {
        EngineRuns run = EngineRuns.run(StrategyPrograms.class, "threeSynchronizedIncrements", STRATEGY, "RANDOM",
                "interleave.seed", "3").assertPassedAll(300);

        int interleavings = Integer.parseInt(run.entries.get("interleave.interleavings"));
        assertThat(interleavings).isBetween(2, 300);
        assertThat(Long.parseLong(run.entries.get("interleave.stepsPerSchedule"))).isPositive();
        assertThat(Long.parseLong(run.entries.get("interleave.longestSchedule")))
                .isGreaterThanOrEqualTo(Long.parseLong(run.entries.get("interleave.stepsPerSchedule")));
        assertThat(Long.parseLong(run.entries.get("interleave.millis"))).isNotNegative();
    }
}
