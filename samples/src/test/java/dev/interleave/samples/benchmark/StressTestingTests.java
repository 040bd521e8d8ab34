package dev.interleave.samples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.interleave.ConcurrencyFailure;
import org.junit.jupiter.api.Test;

/**
 * Plain stress testing, run as the benchmark runs it: in a child JVM without Interleave's agent. The fixtures fail
 * in their first run every time, so what the harness calls each failure is checked without luck.
 */
class StressTestingTests {

    /** A short bound for one run, so the hang costs half a second; a deadlock the JVM sees is found sooner. */
    private static final StressBudget SMALL = new StressBudget(2_000, Duration.ofSeconds(20), Duration.ofMillis(500));

    @Test
    void aCorrectSamplePassesEveryRun() throws Exception {
        StressResult result = inChildJvm("CounterSample#synchronizedIncrement");

        assertThat(result.firstFailure()).isEmpty();
        assertThat(result.runs()).isEqualTo(SMALL.maxRuns());
        assertThat(result.runsPerSecond()).isPositive();
    }

    @Test
    void twoThreadsTakingTwoLocksInOppositeOrdersDeadlock() throws Exception {
        StressFailure failure = firstRunFails("benchmark.StressFixtures#alwaysDeadlocks");

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.detail()).startsWith("the JVM finds a deadlock: ")
                .contains("the test method (stress-run-1) BLOCKED on java.lang.Object@")
                .contains("StressFixtures.lockBoth(StressFixtures.java:");
    }

    @Test
    void anExceptionInAThreadTheRunStartedFailsIt() throws Exception {
        StressFailure failure = firstRunFails("benchmark.StressFixtures#throwsInAChildThread");

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.detail()).startsWith("thread Thread-")
                .contains("threw java.lang.IllegalStateException: thrown by a child thread at StressFixtures.");
    }

    @Test
    void anExceptionOfTheTestMethodFailsTheRun() throws Exception {
        StressFailure failure = firstRunFails("benchmark.StressFixtures#throwsInTheTestMethod");

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.detail()).startsWith("the test method (stress-run-1) threw java.lang.Exception: thrown by"
                + " the test method at StressFixtures.throwsInTheTestMethod(StressFixtures.java:");
    }

    @Test
    void aThreadThatNeverStopsRunningIsAHang() throws Exception {
        StressFailure failure = firstRunFails("benchmark.StressFixtures#spinsForever");

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.HANG);
        assertThat(failure.detail()).startsWith("a thread keeps running past the run's bound: ")
                .contains("the test method (stress-run-1) RUNNABLE at StressFixtures.spinsForever(");
    }

    @Test
    void theChildsLinesParseBackToWhatItPrinted() throws Exception {
        List<String> output = ChildJvm.run(StressTesting.class, List.of("--runs", "3", "--run-bound-ms", "500",
                "CounterSample#synchronizedIncrement", "benchmark.StressFixtures#throwsInTheTestMethod"),
                Duration.ofMinutes(1));

        assertThat(output).first().isEqualTo(StressResult.HEADER);
        List<StressResult> results = StressTesting.parse(output);
        assertThat(results).extracting(StressResult::sample)
                .containsExactly("CounterSample#synchronizedIncrement",
                        "benchmark.StressFixtures#throwsInTheTestMethod");
        assertThat(results.get(0).runs()).isEqualTo(3);
        assertThat(results.get(1).firstFailure()).get().extracting(StressFailure::run).isEqualTo(1L);
        List<String> lines = output.stream().filter(StressResult::isResultLine).toList();
        assertThat(results).extracting(StressResult::toLine).containsExactlyElementsOf(lines);
        // The table for people follows, and is not taken for results.
        assertThat(output).anyMatch(line -> line.startsWith("sample ") && line.contains("first failure"));
    }

    @Test
    void aResultIsEqualToItsLineReadBack() {
        StressResult passed = new StressResult("CounterSample#synchronizedIncrement", 100_000, 2345.6,
                Optional.empty());
        StressResult failed = new StressResult("sctbench.SomeSample#method", 17, 1234.56789, Optional.of(
                new StressFailure(17, ConcurrencyFailure.Kind.HANG, "thread\tT\nRUNNABLE at X.y(X.java:1)")));

        assertThat(StressResult.parse(passed.toLine())).isEqualTo(passed);
        assertThat(passed.toLine()).isEqualTo("CounterSample#synchronizedIncrement\t100000\t2345.6\t-\t-\t-");
        assertThat(StressResult.parse(failed.toLine())).isEqualTo(failed);
        assertThat(failed.toLine()).isEqualTo("sctbench.SomeSample#method\t17\t1234.6\t17\tHANG\t"
                + "thread T RUNNABLE at X.y(X.java:1)");
    }

    @Test
    void aLineThatIsNotAResultIsRefusedByName() {
        assertThatThrownBy(() -> StressResult.parse("CounterSample#lostUpdate\t12\t3.0\t-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 tab-separated fields, this line 4");
        assertThatThrownBy(() -> StressResult.parse("CounterSample#lostUpdate\t12\t3.0\t4\tSLOW\t-"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SLOW");
    }

    @Test
    void anUnknownSampleFailsTheChildWithItsName() {
        assertThatThrownBy(() -> inChildJvm("NoSuchSample#method"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no class dev.interleave.samples.NoSuchSample on the class path");
    }

    private static StressFailure firstRunFails(String sample) throws Exception {
        StressResult result = inChildJvm(sample);
        assertThat(result.runs()).as("runs of %s", sample).isEqualTo(1);
        assertThat(result.firstFailure()).as("the first failure of %s", sample).isPresent();
        assertThat(result.firstFailure().get().run()).isEqualTo(1);
        return result.firstFailure().get();
    }

    private static StressResult inChildJvm(String sample) throws Exception {
        List<StressResult> results = StressTesting.inChildJvm(List.of(sample), SMALL);
        assertThat(results).hasSize(1);
        return results.get(0);
    }
}
