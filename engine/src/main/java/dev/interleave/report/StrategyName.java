package dev.interleave.report;

/**
 * How a failure names the strategy that found it. A strategy that rotates others (the portfolio) is recorded as
 * {@code PORTFOLIO/SURW}: the option that explores again, then the strategy the failing schedule ran under.
 */
public final class StrategyName {

    private StrategyName() {
    }

    /** The recorded name of {@code strategy}, whose schedule ran under {@code member} (empty when the same). */
    public static String recorded(String strategy, String member) {
        return member.isEmpty() ? strategy : strategy + "/" + member;
    }

    /** What {@code -Dinterleave.strategy} takes to explore again: the recorded name up to its member. */
    public static String option(String recorded) {
        int slash = recorded.indexOf('/');
        return slash < 0 ? recorded : recorded.substring(0, slash);
    }

    /** The recorded name as a report says it: {@code PORTFOLIO (this schedule: SURW)}. */
    public static String described(String recorded) {
        int slash = recorded.indexOf('/');
        return slash < 0 ? recorded
                : recorded.substring(0, slash) + " (this schedule: " + recorded.substring(slash + 1) + ")";
    }
}
