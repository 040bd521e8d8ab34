package dev.interleave.engine.execution;

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

    final int schedules;
    final Strategy strategy;
    final String seed;
    final int maxSteps;
    final String replay;

    private Settings(int schedules, Strategy strategy, String seed, int maxSteps, String replay) {
        this.schedules = schedules;
        this.strategy = strategy;
        this.seed = seed;
        this.maxSteps = maxSteps;
        this.replay = replay;
    }

    static Settings resolve(ConcurrencyTest annotation, ConfigurationParameters configuration) {
        Parameters parameters = key -> configuration.get(key).map(String::trim).filter(value -> !value.isEmpty());
        int schedules = positive(SCHEDULES, "schedules", parameters.get(SCHEDULES), annotation.schedules());
        int maxSteps = positive(MAX_STEPS, "maxSteps", parameters.get(MAX_STEPS), annotation.maxSteps());
        Strategy strategy = parameters.get(STRATEGY).map(Settings::strategy).orElse(annotation.strategy());
        String seed = parameters.get(SEED).orElse(annotation.seed().trim());
        String replay = parameters.get(REPLAY).orElse(annotation.replay().trim());
        return new Settings(schedules, strategy, seed.isEmpty() ? Seeds.fresh() : seed, maxSteps, replay);
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

    private static Strategy strategy(String name) {
        try {
            return Strategy.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JUnitException("-D" + STRATEGY + "=" + name + " is not a strategy; use one of "
                    + Arrays.toString(Strategy.values()));
        }
    }
}
