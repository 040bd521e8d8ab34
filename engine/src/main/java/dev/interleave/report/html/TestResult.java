package dev.interleave.report.html;

import java.util.Objects;
import java.util.Properties;

/**
 * One {@code @ConcurrencyTest}'s row in the index: how its exploration or replay ended.
 *
 * @param className    the test class's binary name
 * @param method       the test method's name
 * @param test         the test as a report names it, {@code CounterTest.lostUpdate()}
 * @param verdict      {@code passed}, {@code failed}, {@code timed out}, ...
 * @param strategy     the strategy, as the report describes it
 * @param seed         the seed, or empty for a replay that does not say
 * @param schedules    how many schedules ran
 * @param interleavings how many of them were distinct interleavings, or -1 when not counted (a replay)
 * @param millis       how long it took
 * @param coverage     for EXHAUSTIVE: the proof, or how far it got; otherwise empty
 * @param headline     the failure's headline, or empty
 * @param page         the failure page's file name in the report folder, or empty
 * @param finishedAt   when it ended, in milliseconds since the epoch
 */
public record TestResult(String className, String method, String test, String verdict, String strategy,
        String seed, int schedules, int interleavings, long millis, String coverage, String headline, String page,
        long finishedAt) {

    public TestResult {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
        test = Objects.requireNonNullElse(test, className + "." + method + "()");
        verdict = Objects.requireNonNullElse(verdict, "");
        strategy = Objects.requireNonNullElse(strategy, "");
        seed = Objects.requireNonNullElse(seed, "");
        coverage = Objects.requireNonNullElse(coverage, "");
        headline = Objects.requireNonNullElse(headline, "");
        page = Objects.requireNonNullElse(page, "");
    }

    /** The key under which later runs of the same test replace this one. */
    String key() {
        return className + "#" + method;
    }

    Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("className", className);
        properties.setProperty("method", method);
        properties.setProperty("test", test);
        properties.setProperty("verdict", verdict);
        properties.setProperty("strategy", strategy);
        properties.setProperty("seed", seed);
        properties.setProperty("schedules", Integer.toString(schedules));
        properties.setProperty("interleavings", Integer.toString(interleavings));
        properties.setProperty("millis", Long.toString(millis));
        properties.setProperty("coverage", coverage);
        properties.setProperty("headline", headline);
        properties.setProperty("page", page);
        properties.setProperty("finishedAt", Long.toString(finishedAt));
        return properties;
    }

    /** The result a results file holds, or null when it is not one (another tool's file, a half-written one). */
    static TestResult fromProperties(Properties properties) {
        try {
            String className = properties.getProperty("className");
            String method = properties.getProperty("method");
            if (className == null || method == null) {
                return null;
            }
            return new TestResult(className, method, properties.getProperty("test"),
                    properties.getProperty("verdict"), properties.getProperty("strategy"),
                    properties.getProperty("seed"), Integer.parseInt(properties.getProperty("schedules", "0")),
                    Integer.parseInt(properties.getProperty("interleavings", "-1")),
                    Long.parseLong(properties.getProperty("millis", "0")), properties.getProperty("coverage"),
                    properties.getProperty("headline"), safePage(properties.getProperty("page")),
                    Long.parseLong(properties.getProperty("finishedAt", "0")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // A page is a file name in the report folder, never a path or a URL.
    private static String safePage(String page) {
        return page == null || !page.matches("[A-Za-z0-9._$-]+\\.html") ? "" : page;
    }
}
