package dev.interleave.samples.benchmark;

import java.util.List;
import java.util.Locale;

import dev.interleave.ConcurrencyTest;
import dev.interleave.instrumentation.AgentInstaller;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One measurement of {@link ManyThreadsBenchmark}, in a JVM of its own: each sample explored once as a warm-up, then
 * measured; prints where the engine was loaded from, then one result line per sample. A class without nested
 * classes, loaded before the agent it attaches first thing, so that no class of the benchmark is left unexplored.
 */
final class ManyThreadsMeasurement {

    static final List<String> SAMPLES = List.of("sctbench.ReorderSample#reorder10",
            "sctbench.ReorderSample#reorder100", "sctbench.TwoStageSample#twoStage10",
            "sctbench.TwoStageSample#twoStage100");
    static final String RESULT = "RESULT";
    static final String ENGINE = "ENGINE";

    private ManyThreadsMeasurement() {
    }

    /** {@code args[0]}: the schedules each sample is measured with. */
    public static void main(String[] args) {
        AgentInstaller.install();
        int schedules = Integer.parseInt(args[0]);
        System.out.println(ENGINE + " " + ConcurrencyTest.class.getProtectionDomain().getCodeSource().getLocation());
        Launcher launcher = LauncherFactory.create();
        for (String sample : SAMPLES) {
            Explorations.search(launcher, sample, Math.max(1, schedules / 5), "1", "RANDOM");
        }
        for (String sample : SAMPLES) {
            Explorations.Run run = Explorations.search(launcher, sample, schedules, "2", "RANDOM");
            System.out.printf(Locale.ROOT, "%s %s %d %.3f %d%n", RESULT, sample, run.schedules, run.seconds,
                    run.steps);
        }
        System.exit(0);
    }
}
