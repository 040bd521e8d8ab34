package dev.interleave.samples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The demo and the benchmarks start as their Maven profiles start them, in a JVM of their own, in their smallest
 * configuration, and print their tables: a harness that the engine refuses to explore in (one of its classes loaded
 * before the agent, say) exits non-zero and fails here, not in a half-hour run nobody watches.
 */
class HarnessesStartTests {

    private static final String AGENT_FIRST = "dev.interleave.samples.AgentFirst";
    /** Generous: a harness that ends at all ends in seconds; this only bounds one that hangs. */
    private static final Duration BOUND = Duration.ofMinutes(2);

    @Test
    void strategyBenchmarkPrintsItsTables() throws Exception {
        String output = run(List.of("-Dsample=CounterSample#lostUpdate", "-Dbenchmark.seeds=1",
                "-Dbenchmark.schedules=50", "-Dbenchmark.strategies=RANDOM", "-Dbenchmark.stress=false"),
                AGENT_FIRST, StrategyBenchmark.class.getName());

        assertThat(output).contains("| sample | plain stress | RANDOM |")
                .contains("| CounterSample#lostUpdate | not run | ")
                .contains("| RANDOM | 1 of 1 |")
                .contains("Most bugs per second: RANDOM");
    }

    @Test
    void counterBenchmarkPrintsItsTable() throws Exception {
        String output = run(List.of("-Dbenchmark.schedules=20", "-Dbenchmark.seeds=1", "-Dbenchmark.plainCap=100",
                "-Dbenchmark.threadRuns=50", "-Dbenchmark.longSchedules=1"),
                AGENT_FIRST, CounterBenchmark.class.getName());

        assertThat(output).contains("Interleave (RANDOM), correct counter")
                .contains("Interleave (RANDOM), lost update, 1 seeds")
                .contains("40,000-step schedules per second")
                .contains("40 schedules, each starting a thread");
    }

    @Test
    void scheduleFileBenchmarkPrintsItsTable() throws Exception {
        // not shrunk: shrinking a schedule of thousands of steps takes the whole of its ten seconds
        String output = run(List.of("-Dbenchmark.rounds=1", "-Dbenchmark.longFailures=tenThousandSteps",
                "-Dinterleave.shrink=false"),
                AGENT_FIRST, ScheduleFileBenchmark.class.getName());

        assertThat(output).contains("steps  decisions  raw bytes")
                .contains("(best of 1)")
                .containsPattern("\\s\\d,\\d{3}\\s");
    }

    @Test
    void jdkBenchmarkPrintsItsTable() throws Exception {
        String output = run(List.of("-Dbenchmark.rounds=1", "-Dbenchmark.loop=1000", "-Dbenchmark.schedules=10"),
                JdkBenchmark.class.getName());

        assertThat(output).contains("before the agent is attached")
                .contains("agent attached, a test running on another thread")
                .contains("3 threads, ReentrantLock + ConcurrentHashMap: ")
                .contains("(best of 3 explorations of 10)");
    }

    @Test
    void manyThreadsBenchmarkPrintsItsTable() throws Exception {
        String output = run(List.of("-Dbenchmark.schedules=2", "-Dbenchmark.rounds=1"),
                ManyThreadsBenchmark.class.getName());

        assertThat(output).contains("steps/sched").contains("sctbench.TwoStageSample#twoStage100");
    }

    @Test
    void demoPrintsTheReportOfOneSample() throws Exception {
        String output = run(List.of("-Dsample=CounterSample#lostUpdate"), AGENT_FIRST,
                "dev.interleave.samples.Demo");

        assertThat(output).contains("CounterSample.lostUpdate() failed").contains("Interleaving, ");
    }

    private static String run(List<String> options, String main, String... arguments) throws Exception {
        List<String> lines = ChildJvm.run(options, System.getProperty("java.class.path"), main,
                new ArrayList<>(List.of(arguments)), BOUND);
        return String.join(System.lineSeparator(), lines);
    }
}
