package dev.interleave.engine.hunt;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;

/** The hunt's own configuration: whether to hunt, which tests, for how long, and which shard of the work. */
public final class HuntSettings {

    public static final String HUNT = "interleave.hunt";
    public static final String INCLUDE = "interleave.hunt.include";
    public static final String EXCLUDE = "interleave.hunt.exclude";
    public static final String BUDGET = "interleave.hunt.budget";
    public static final String PER_TEST = "interleave.hunt.perTest";
    public static final String SHARD = "interleave.shard";
    /** What one test gets when neither a budget nor a bound per test is given. */
    static final Duration DEFAULT_PER_TEST = Duration.ofSeconds(10);

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern SHARD_FORMAT = Pattern.compile("(\\d+)/(\\d+)");

    final TestPatterns include;
    final TestPatterns exclude;
    /** The wall time of the whole hunt, or null for none. */
    final Duration budget;
    /** The bound on one test, or null for none (then the budget alone shares time out). */
    final Duration perTest;
    /** This shard, counting from 1, of {@link #shards}. */
    final int shard;
    final int shards;

    private HuntSettings(TestPatterns include, TestPatterns exclude, Duration budget, Duration perTest, int shard,
            int shards) {
        this.include = include;
        this.exclude = exclude;
        this.budget = budget;
        this.perTest = perTest;
        this.shard = shard;
        this.shards = shards;
    }

    /** Whether {@code interleave.hunt=true}; anything but true or false is refused. */
    public static boolean enabled(ConfigurationParameters configuration) {
        Optional<String> value = value(configuration, HUNT);
        if (value.isEmpty() || value.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.get().equalsIgnoreCase("true")) {
            return true;
        }
        throw new JUnitException("-D" + HUNT + "=" + value.get() + " is neither true nor false; give one of them");
    }

    static HuntSettings resolve(ConfigurationParameters configuration) {
        TestPatterns include = TestPatterns.parse(INCLUDE, value(configuration, INCLUDE).orElse("**"));
        TestPatterns exclude = TestPatterns.parse(EXCLUDE, value(configuration, EXCLUDE).orElse(""));
        Duration budget = value(configuration, BUDGET).map(text -> duration(BUDGET, text)).orElse(null);
        Duration perTest = value(configuration, PER_TEST).map(text -> duration(PER_TEST, text))
                .orElse(budget == null ? DEFAULT_PER_TEST : null);
        String shard = value(configuration, SHARD).orElse("1/1");
        Matcher matcher = SHARD_FORMAT.matcher(shard);
        int index = 0;
        int count = 0;
        if (matcher.matches()) {
            try {
                index = Integer.parseInt(matcher.group(1));
                count = Integer.parseInt(matcher.group(2));
            } catch (NumberFormatException tooLarge) {
                count = 0;
            }
        }
        if (count < 1 || index < 1 || index > count) {
            throw new JUnitException("-D" + SHARD + "=" + shard + " is not a shard: give i/n, shard i of n with"
                    + " 1 <= i <= n, such as 2/8 (1/1 runs all of the work)");
        }
        return new HuntSettings(include, exclude, budget, perTest, index, count);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms}; a plain number is refused, since its unit is a guess. */
    static Duration duration(String key, String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            try {
                long amount = Long.parseLong(matcher.group(1));
                Duration duration;
                switch (matcher.group(2)) {
                    case "ms":
                        duration = Duration.ofMillis(amount);
                        break;
                    case "s":
                        duration = Duration.ofSeconds(amount);
                        break;
                    case "m":
                        duration = Duration.ofMinutes(amount);
                        break;
                    default:
                        duration = Duration.ofHours(amount);
                }
                if (!duration.isZero()) {
                    return duration;
                }
            } catch (NumberFormatException | ArithmeticException tooLarge) {
                // refused below
            }
        }
        throw new JUnitException("-D" + key + "=" + text + " is not a duration: give a positive whole number with"
                + " a unit, ms, s, m or h, such as 90s or 10m");
    }

    /** This shard as the command line gives it, {@code 2/8}. */
    String shardName() {
        return shard + "/" + shards;
    }

    private static Optional<String> value(ConfigurationParameters configuration, String key) {
        return configuration.get(key).map(String::trim).filter(value -> !value.isEmpty());
    }
}
