package dev.interleave.samples.benchmark;

import java.util.List;
import java.util.Locale;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * How fast schedules of a hundred threads run: SCTBench's reorder and two-stage programs with 100 threads, explored
 * by the random walk (which does not find their bugs, so every schedule of the budget runs), after a warm-up round.
 * Prints schedules per second for each.
 *
 * <p>Run with {@code mvn -q -Pmany-threads-benchmark verify -DskipTests}; {@code -Dbenchmark.schedules} changes
 * the budget (default 100).
 */
public final class ManyThreadsBenchmark {

    private static final List<String> SAMPLES = List.of("sctbench.ReorderSample#reorder100",
            "sctbench.TwoStageSample#twoStage100");
    private static final int SCHEDULES = Integer.getInteger("benchmark.schedules", 100);

    private ManyThreadsBenchmark() {
    }

    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        Explorations.run(launcher, "CounterSample#synchronizedIncrement", 500, "1");
        for (String sample : SAMPLES) {
            Explorations.search(launcher, sample, Math.max(1, SCHEDULES / 5), "1", "RANDOM"); // warm-up
            Explorations.Run run = Explorations.search(launcher, sample, SCHEDULES, "2", "RANDOM");
            System.out.printf(Locale.ROOT, "%s: %d schedules in %.1f s, %.1f schedules/s (RANDOM, JDK %s)%n", sample,
                    run.schedules, run.seconds, run.perSecond(), System.getProperty("java.version"));
        }
        System.exit(0);
    }
}
