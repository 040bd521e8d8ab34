package dev.interleave.samples.benchmark;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.interleave.ConcurrencyFailure;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** Runs one sample under the engine, as the benchmarks measure it, and reads back what the engine reported. */
final class Explorations {

    private static final Path FAILURES = Path.of("target", "interleave-benchmark");

    private Explorations() {
    }

    /** Runs {@code sample} ({@code Class#method} below {@code dev.interleave.samples}) with a fixed seed and budget. */
    static Run run(Launcher launcher, String sample, int schedules, String seed) {
        return run(launcher, sample, schedules, seed, true);
    }

    static Run run(Launcher launcher, String sample, int schedules, String seed, boolean recording) {
        return run(launcher, sample, schedules, seed, recording, Map.of());
    }

    /** {@code sample} explored with {@code strategy}, as it finds bugs: no failing schedule is shrunk. */
    static Run search(Launcher launcher, String sample, int schedules, String seed, String strategy) {
        return run(launcher, sample, schedules, seed, true, Map.of("interleave.strategy", strategy,
                "interleave.shrink", "false"));
    }

    private static Run run(Launcher launcher, String sample, int schedules, String seed, boolean recording,
            Map<String, String> parameters) {
        Map<String, String> entries = new ConcurrentHashMap<>();
        TestExecutionResult[] outcome = new TestExecutionResult[1];
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
                entries.putAll(entry.getKeyValuePairs());
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    outcome[0] = result;
                }
            }
        };
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod("dev.interleave.samples." + sample))
                .filters(EngineFilter.includeEngines("interleave"))
                .configurationParameter("interleave.schedules", Integer.toString(schedules))
                .configurationParameter("interleave.seed", seed)
                .configurationParameter("interleave.recording", Boolean.toString(recording))
                .configurationParameter("interleave.failures.rerun", "false")
                .configurationParameter("interleave.failures.dir", FAILURES.toString())
                .configurationParameters(parameters)
                .build(), listener);
        if (outcome[0] == null || !entries.containsKey("interleave.schedules")) {
            throw new IllegalStateException(sample + " did not run: " + outcome[0]);
        }
        Optional<ConcurrencyFailure> failure = outcome[0].getThrowable()
                .filter(ConcurrencyFailure.class::isInstance).map(ConcurrencyFailure.class::cast);
        return new Run(Integer.parseInt(entries.get("interleave.schedules")),
                Long.parseLong(entries.get("interleave.millis")) / 1000.0,
                Long.parseLong(entries.getOrDefault("interleave.steps", "0")),
                failure.map(ConcurrencyFailure::schedule).orElse(-1),
                failure.flatMap(ConcurrencyFailure::scheduleFile).orElse(null));
    }

    /** What one exploration did. */
    static final class Run {
        final int schedules;
        final double seconds;
        /** The steps of all its schedules. */
        final long steps;
        /** The number of the failing schedule, or -1 when every schedule passed. */
        final int failingSchedule;
        /** The file the failing schedule was saved to, or null. */
        final Path scheduleFile;

        Run(int schedules, double seconds, long steps, int failingSchedule, Path scheduleFile) {
            this.schedules = schedules;
            this.seconds = Math.max(seconds, 1e-3);
            this.steps = steps;
            this.failingSchedule = failingSchedule;
            this.scheduleFile = scheduleFile;
        }

        double perSecond() {
            return schedules / seconds;
        }
    }
}
