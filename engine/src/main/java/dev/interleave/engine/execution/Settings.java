package dev.interleave.engine.execution;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.interleave.ConcurrencyTest;
import dev.interleave.Strategy;
import dev.interleave.strategy.Seeds;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The settings of one exploration: the annotation's attributes, each overridden by its {@code interleave.*}
 * configuration parameter when one is given, so that a CI failure can be replayed without editing code.
 */
public final class Settings {

    public static final String SCHEDULES = "interleave.schedules";
    public static final String STRATEGY = "interleave.strategy";
    public static final String SEED = "interleave.seed";
    public static final String MAX_STEPS = "interleave.maxSteps";
    public static final String REPLAY = "interleave.replay";
    public static final String FAILURES_DIR = "interleave.failures.dir";
    public static final String FAILURES_RERUN = "interleave.failures.rerun";
    public static final String RECORDING = "interleave.recording";
    public static final String PCT_DEPTH = "interleave.pctDepth";
    public static final String MAX_PREEMPTIONS = "interleave.maxPreemptions";
    public static final String REDUCTION = "interleave.reduction";
    public static final String SHRINK = "interleave.shrink";
    public static final String SPURIOUS_WAKEUPS = "interleave.spuriousWakeups";
    public static final String SHRINK_MILLIS = "interleave.shrink.millis";
    public static final String SHRINK_SCHEDULES = "interleave.shrink.schedules";
    public static final String WATCHDOG_MILLIS = "interleave.watchdog.millis";
    public static final String REPORT = "interleave.report";
    public static final int DEFAULT_WATCHDOG_MILLIS = 10_000;
    public static final String DEFAULT_FAILURES_DIR = "target/interleave";
    public static final int DEFAULT_SHRINK_SCHEDULES = 2_000;
    public static final int DEFAULT_SHRINK_MILLIS = 10_000;

    public final int schedules;
    public final Strategy strategy;
    public final String seed;
    public final int maxSteps;
    public final String replay;
    /** Where failing schedules are saved, and where past failures are looked for. */
    public final Path failuresDir;
    /** Whether schedules that failed before are replayed first. */
    public final boolean rerunFailures;
    /** Whether schedules are recorded, so a failing one can be saved; off only to measure what recording costs. */
    public final boolean recording;
    /** PCT's bug depth. */
    public final int pctDepth;
    /** EXHAUSTIVE's bound on preemptions, or -1 for none. */
    public final int maxPreemptions;
    /** For EXHAUSTIVE: false for a plain enumeration of every schedule, without partial-order reduction. */
    public final boolean reduction;
    /** How long, and over how many schedules at most, a failing schedule is shrunk; 0 schedules for not at all. */
    public final long shrinkMillis;
    public final int shrinkSchedules;
    /** How long a thread may run without reaching a scheduling point before its schedule is reported as a hang. */
    public final long watchdogMillis;
    /** Whether the HTML report is written, under {@code <failuresDir>/report}. */
    public final boolean report;

    private Settings(int schedules, Strategy strategy, String seed, int maxSteps, String replay, Path failuresDir,
            boolean rerunFailures, boolean recording, int pctDepth, int maxPreemptions, boolean reduction,
            long shrinkMillis, int shrinkSchedules, long watchdogMillis, boolean report) {
        this.report = report;
        this.watchdogMillis = watchdogMillis;
        this.pctDepth = pctDepth;
        this.maxPreemptions = maxPreemptions;
        this.reduction = reduction;
        this.shrinkMillis = shrinkMillis;
        this.shrinkSchedules = shrinkSchedules;
        this.schedules = schedules;
        this.strategy = strategy;
        this.seed = seed;
        this.maxSteps = maxSteps;
        this.replay = replay;
        this.failuresDir = failuresDir;
        this.rerunFailures = rerunFailures;
        this.recording = recording;
    }

    public static Settings resolve(ConcurrencyTest annotation, ConfigurationParameters configuration) {
        Parameters parameters = key -> configuration.get(key).map(String::trim).filter(value -> !value.isEmpty());
        int schedules = positive(SCHEDULES, "schedules", parameters.get(SCHEDULES), annotation.schedules());
        int maxSteps = positive(MAX_STEPS, "maxSteps", parameters.get(MAX_STEPS), annotation.maxSteps());
        Strategy strategy = parameters.get(STRATEGY).map(Settings::strategy).orElse(annotation.strategy());
        String seed = parameters.get(SEED).orElse(annotation.seed().trim());
        String replay = parameters.get(REPLAY).orElse(annotation.replay().trim());
        Path failuresDir = path(FAILURES_DIR, parameters.get(FAILURES_DIR).orElse(DEFAULT_FAILURES_DIR));
        boolean rerun = flag(FAILURES_RERUN, parameters.get(FAILURES_RERUN));
        boolean recording = flag(RECORDING, parameters.get(RECORDING));
        int pctDepth = positive(PCT_DEPTH, "pctDepth", parameters.get(PCT_DEPTH), annotation.pctDepth());
        int maxPreemptions = bound(MAX_PREEMPTIONS, "maxPreemptions", parameters.get(MAX_PREEMPTIONS),
                annotation.maxPreemptions());
        boolean reduction = flag(REDUCTION, parameters.get(REDUCTION));
        boolean shrink = flag(SHRINK, parameters.get(SHRINK));
        int shrinkSchedules = shrink ? positive(SHRINK_SCHEDULES, SHRINK_SCHEDULES, parameters.get(SHRINK_SCHEDULES),
                DEFAULT_SHRINK_SCHEDULES) : 0;
        long shrinkMillis = positive(SHRINK_MILLIS, SHRINK_MILLIS, parameters.get(SHRINK_MILLIS),
                DEFAULT_SHRINK_MILLIS);
        long watchdogMillis = positive(WATCHDOG_MILLIS, WATCHDOG_MILLIS, parameters.get(WATCHDOG_MILLIS),
                DEFAULT_WATCHDOG_MILLIS);
        boolean report = flag(REPORT, parameters.get(REPORT));
        return new Settings(schedules, strategy, seed.isEmpty() ? Seeds.fresh() : seed, maxSteps, replay,
                failuresDir, rerun, recording, pctDepth, maxPreemptions, reduction, shrinkMillis,
                shrinkSchedules, watchdogMillis, report);
    }

    /** Whether {@code Object.wait} and {@code LockSupport.park} may wake spuriously; on unless turned off. */
    public static boolean spuriousWakeups(ConfigurationParameters configuration) {
        return flag(SPURIOUS_WAKEUPS, configuration.get(SPURIOUS_WAKEUPS).map(String::trim)
                .filter(value -> !value.isEmpty()));
    }

    /** Configuration parameters, where a blank value counts as not given. */
    private interface Parameters {
        Optional<String> get(String key);
    }

    private static int positive(String key, String attribute, Optional<String> parameter, int annotated) {
        String source = source(key, attribute, parameter, annotated);
        int value = number(source, parameter, annotated, "a positive count such as 1000");
        if (value <= 0) {
            throw new JUnitException(source + " must be a positive count; give one such as 1000");
        }
        return value;
    }

    /** A bound that is a count, or -1 for none. */
    private static int bound(String key, String attribute, Optional<String> parameter, int annotated) {
        String source = source(key, attribute, parameter, annotated);
        int value = number(source, parameter, annotated, "a count such as 2, or -1 for no bound");
        if (value < -1) {
            throw new JUnitException(source + " must be a count, or -1 for no bound; give one such as 2");
        }
        return value;
    }

    private static String source(String key, String attribute, Optional<String> parameter, int annotated) {
        return parameter.isPresent() ? "-D" + key + "=" + parameter.get()
                : "@ConcurrencyTest(" + attribute + " = " + annotated + ")";
    }

    private static int number(String source, Optional<String> parameter, int annotated, String example) {
        try {
            return parameter.isPresent() ? Integer.parseInt(parameter.get().trim().replace("_", "")) : annotated;
        } catch (NumberFormatException e) {
            throw new JUnitException(source + " is not a whole number; give " + example);
        }
    }

    /** A switch that is on unless given as {@code false}; anything but true or false is refused, not guessed at. */
    private static boolean flag(String key, Optional<String> value) {
        if (value.isEmpty() || value.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.get().equalsIgnoreCase("false")) {
            return false;
        }
        throw new JUnitException("-D" + key + "=" + value.get() + " is neither true nor false; give one of them");
    }

    public static Path path(String key, String value) {
        try {
            return Paths.get(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new JUnitException("-D" + key + "=" + value + " is not a path this system accepts: "
                    + e.getReason());
        }
    }

    private static Strategy strategy(String name) {
        try {
            return Strategy.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JUnitException("-D" + STRATEGY + "=" + name + " is not a strategy; use one of "
                    + Arrays.toString(Strategy.values()));
        }
    }
}
