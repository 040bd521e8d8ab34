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
final class Settings {

    static final String SCHEDULES = "interleave.schedules";
    static final String STRATEGY = "interleave.strategy";
    static final String SEED = "interleave.seed";
    static final String MAX_STEPS = "interleave.maxSteps";
    static final String REPLAY = "interleave.replay";
    static final String FAILURES_DIR = "interleave.failures.dir";
    static final String FAILURES_RERUN = "interleave.failures.rerun";
    static final String RECORDING = "interleave.recording";
    static final String DEFAULT_FAILURES_DIR = "target/interleave";

    final int schedules;
    final Strategy strategy;
    final String seed;
    final int maxSteps;
    final String replay;
    /** Where failing schedules are saved, and where past failures are looked for. */
    final Path failuresDir;
    /** Whether schedules that failed before are replayed first. */
    final boolean rerunFailures;
    /** Whether schedules are recorded, so a failing one can be saved; off only to measure what recording costs. */
    final boolean recording;

    private Settings(int schedules, Strategy strategy, String seed, int maxSteps, String replay, Path failuresDir,
            boolean rerunFailures, boolean recording) {
        this.schedules = schedules;
        this.strategy = strategy;
        this.seed = seed;
        this.maxSteps = maxSteps;
        this.replay = replay;
        this.failuresDir = failuresDir;
        this.rerunFailures = rerunFailures;
        this.recording = recording;
    }

    static Settings resolve(ConcurrencyTest annotation, ConfigurationParameters configuration) {
        Parameters parameters = key -> configuration.get(key).map(String::trim).filter(value -> !value.isEmpty());
        int schedules = positive(SCHEDULES, "schedules", parameters.get(SCHEDULES), annotation.schedules());
        int maxSteps = positive(MAX_STEPS, "maxSteps", parameters.get(MAX_STEPS), annotation.maxSteps());
        Strategy strategy = parameters.get(STRATEGY).map(Settings::strategy).orElse(annotation.strategy());
        String seed = parameters.get(SEED).orElse(annotation.seed().trim());
        String replay = parameters.get(REPLAY).orElse(annotation.replay().trim());
        Path failuresDir = path(FAILURES_DIR, parameters.get(FAILURES_DIR).orElse(DEFAULT_FAILURES_DIR));
        boolean rerun = flag(FAILURES_RERUN, parameters.get(FAILURES_RERUN));
        boolean recording = flag(RECORDING, parameters.get(RECORDING));
        return new Settings(schedules, strategy, seed.isEmpty() ? Seeds.fresh() : seed, maxSteps, replay,
                failuresDir, rerun, recording);
    }

    /** Configuration parameters, where a blank value counts as not given. */
    private interface Parameters {
        Optional<String> get(String key);
    }

    private static int positive(String key, String attribute, Optional<String> parameter, int annotated) {
        String source = parameter.isPresent() ? "-D" + key + "=" + parameter.get()
                : "@ConcurrencyTest(" + attribute + " = " + annotated + ")";
        int value;
        try {
            value = parameter.isPresent() ? Integer.parseInt(parameter.get().trim().replace("_", "")) : annotated;
        } catch (NumberFormatException e) {
            throw new JUnitException(source + " is not a whole number; give a positive count such as 1000");
        }
        if (value <= 0) {
            throw new JUnitException(source + " must be a positive count; give one such as 1000");
        }
        return value;
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

    static Path path(String key, String value) {
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
