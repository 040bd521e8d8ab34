package dev.interleave.samples.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.interleave.Strategy;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Every buggy sample, with every strategy: the schedules each takes to the first failure (the median over 20
 * seeds, and in how many of them it found the bug within the budget of 3,000 schedules) and how many schedules it
 * explores per second, next to plain stress testing of the same program on real threads (runs to the first failure,
 * in a JVM without the agent). Then, for each strategy, how many of those bugs it finds, and how many bugs per second
 * of exploring: the default strategy is the one that finds the most per second.
 *
 * <p>Run with {@code mvn -q -Pstrategy-benchmark verify -DskipTests}, which starts it with {@code
 * dev.interleave.samples.AgentFirst} in front (the agent attached before any class of the benchmark loads); {@code -Dsample=CounterSample#lostUpdate,...}
 * measures only those, {@code -Dbenchmark.seeds}, {@code -Dbenchmark.schedules} and {@code -Dbenchmark.capSeconds}
 * (the time one strategy may spend on one sample, over all its seeds) change the budget,
 * {@code -Dbenchmark.strategies=PORTFOLIO,POS} measures only those strategies and {@code -Dbenchmark.stress=false}
 * leaves out plain stress testing. EXHAUSTIVE does not depend
 * on the seed: it runs once per sample.
 */
public final class StrategyBenchmark {

    private static final int SEEDS = Integer.getInteger("benchmark.seeds", 20);
    private static final int SCHEDULES = Integer.getInteger("benchmark.schedules", 3_000);
    private static final double CAP_SECONDS = Integer.getInteger("benchmark.capSeconds", 30);
    private static final boolean STRESS_TESTING = !"false".equals(System.getProperty("benchmark.stress", "true"));
    private static final List<Strategy> STRATEGIES = strategies(System.getProperty("benchmark.strategies", ""));
    private static final StressBudget STRESS = new StressBudget(100_000, Duration.ofSeconds(10),
            Duration.ofSeconds(2));

    private StrategyBenchmark() {
    }

    /** What one strategy did to one sample, over its seeds. */
    static final class Measurement {
        final List<Integer> failingSchedules = new ArrayList<>();
        int seeds;
        long schedules;
        double seconds;

        void add(Explorations.Run run) {
            seeds++;
            schedules += run.schedules;
            seconds += run.seconds;
            if (run.failingSchedule > 0) {
                failingSchedules.add(run.failingSchedule);
            }
        }

        int found() {
            return failingSchedules.size();
        }

        /** The median schedule of the first failure, a seed that did not find the bug counting as more than all. */
        String median() {
            if (seeds == 0) {
                return "-";
            }
            int[] sorted = new int[seeds];
            Arrays.fill(sorted, Integer.MAX_VALUE);
            for (int i = 0; i < failingSchedules.size(); i++) {
                sorted[i] = failingSchedules.get(i);
            }
            Arrays.sort(sorted);
            int median = sorted[(seeds - 1) / 2];
            return median == Integer.MAX_VALUE ? ">" + SCHEDULES : Integer.toString(median);
        }

        double perSecond() {
            return schedules / Math.max(seconds, 1e-3);
        }
    }

    public static void main(String[] args) throws Exception {
        Launcher launcher = LauncherFactory.create();
        // warms up before any sample class loads (the agent is attached before this class loads: see AgentFirst)
        Explorations.run(launcher, "CounterSample#synchronizedIncrement", Math.min(500, SCHEDULES), "1");
        List<String> bugs = bugs();
        List<StressResult> stress = STRESS_TESTING ? StressTesting.inChildJvm(bugs, STRESS) : null;
        Map<String, Map<Strategy, Measurement>> results = new LinkedHashMap<>();
        for (String bug : bugs) {
            Map<Strategy, Measurement> byStrategy = new LinkedHashMap<>();
            for (Strategy strategy : STRATEGIES) {
                byStrategy.put(strategy, measure(launcher, bug, strategy));
            }
            results.put(bug, byStrategy);
            // a row as soon as it is known, since a whole run takes hours at 20 seeds
            StringBuilder row = new StringBuilder("measured ").append(bug).append(':');
            byStrategy.forEach((strategy, measurement) -> row.append(String.format(Locale.ROOT,
                    " %s %s (%d/%d) %s, %.1f/s;", strategy, measurement.median(), measurement.found(),
                    measurement.seeds, measurement.failingSchedules, measurement.perSecond())));
            System.err.println(row);
        }
        print(bugs, stress, results);
        System.exit(0);
    }

    /** The strategies named, comma-separated, or every one. */
    private static List<Strategy> strategies(String names) {
        if (names.isBlank()) {
            return List.of(Strategy.values());
        }
        List<Strategy> strategies = new ArrayList<>();
        for (String name : names.split(",")) {
            try {
                strategies.add(Strategy.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-Dbenchmark.strategies=" + names + ": " + name.trim()
                        + " is not a strategy; name some of " + Arrays.toString(Strategy.values()), e);
            }
        }
        return strategies;
    }

    private static List<String> bugs() throws IOException {
        String chosen = System.getProperty("sample", "").trim();
        if (!chosen.isEmpty()) {
            return Arrays.asList(chosen.split(","));
        }
        List<String> bugs = new ArrayList<>();
        for (String sample : concat(AllSamples.names(), AllSamples.names("sctbench"))) {
            if (SampleMethod.resolve(sample).documentedBug().isPresent()) {
                bugs.add(sample);
            }
        }
        return bugs;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Measurement measure(Launcher launcher, String bug, Strategy strategy) {
        Measurement measurement = new Measurement();
        int seeds = strategy == Strategy.EXHAUSTIVE ? 1 : SEEDS;
        for (int seed = 1; seed <= seeds && measurement.seconds < CAP_SECONDS; seed++) {
            measurement.add(Explorations.search(launcher, bug, SCHEDULES, Integer.toString(seed), strategy.name()));
        }
        return measurement;
    }

    private static void print(List<String> bugs, List<StressResult> stress,
            Map<String, Map<Strategy, Measurement>> results) {
        System.out.printf(Locale.ROOT, "Strategies on every buggy sample (JDK %s, %d cores): the median schedule of"
                + " the first failure over %d seeds (EXHAUSTIVE: one run), in how many seeds the bug was found within"
                + " %,d schedules, and schedules per second; plain stress testing: the first failing run of real"
                + " threads within %,d runs or %d s.%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), SEEDS, SCHEDULES, STRESS.maxRuns(),
                STRESS.maxTime().toSeconds());
        StringBuilder header = new StringBuilder("| sample | plain stress |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Strategy strategy : STRATEGIES) {
            header.append(' ').append(strategy).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (int i = 0; i < bugs.size(); i++) {
            StringBuilder row = new StringBuilder("| ").append(bugs.get(i)).append(" | ");
            if (stress == null) {
                row.append("not run |");
            } else {
                StressResult plain = stress.get(i);
                row.append(plain.firstFailure().map(failure -> "run " + failure.run())
                        .orElse("none in " + plain.runs())).append(" |");
            }
            for (Measurement measurement : results.get(bugs.get(i)).values()) {
                row.append(String.format(Locale.ROOT, " %s (%d/%d), %.0f/s |", measurement.median(),
                        measurement.found(), measurement.seeds, measurement.perSecond()));
            }
            System.out.println(row);
        }
        System.out.println();
        System.out.println("| strategy | bugs found (in at least one seed) | bugs found in every seed | seeds that found"
                + " the bug | bugs per second |");
        System.out.println("|---|---|---|---|---|");
        long plainFound = stress == null ? 0
                : stress.stream().filter(result -> result.firstFailure().isPresent()).count();
        Strategy best = null;
        double bestRate = -1;
        for (Strategy strategy : STRATEGIES) {
            int anySeed = 0;
            int everySeed = 0;
            int finds = 0;
            int runs = 0;
            double seconds = 0;
            for (Map<Strategy, Measurement> byStrategy : results.values()) {
                Measurement measurement = byStrategy.get(strategy);
                anySeed += measurement.found() > 0 ? 1 : 0;
                everySeed += measurement.found() == measurement.seeds && measurement.seeds > 0 ? 1 : 0;
                finds += measurement.found();
                runs += measurement.seeds;
                seconds += measurement.seconds;
            }
            double rate = finds / Math.max(seconds, 1e-3);
            System.out.printf(Locale.ROOT, "| %s | %d of %d | %d | %d of %d | %.2f |%n", strategy, anySeed, bugs.size(),
                    everySeed, finds, runs, rate);
            if (rate > bestRate) {
                bestRate = rate;
                best = strategy;
            }
        }
        if (stress != null) {
            System.out.printf(Locale.ROOT, "| plain stress testing | %d of %d | | | |%n", plainFound, bugs.size());
        }
        System.out.println();
        System.out.println("Most bugs per second: " + best);
    }
}
