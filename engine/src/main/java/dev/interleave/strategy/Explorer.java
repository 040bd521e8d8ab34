package dev.interleave.strategy;

/**
 * Where the schedules of one exploration come from: a strategy for each schedule in turn, which may learn from the
 * schedules that ran before it. Like the strategies it makes, an explorer is a pure function of its seed and of what
 * it is told, so that a seed explores the same schedules in the same order on every run.
 */
public interface Explorer {

    /**
     * The strategy of schedule {@code number} (counting from 1), or null when every schedule there is to explore has
     * been explored ({@link #exhaustedAfter}).
     */
    SchedulingStrategy next(int number);

    /** The schedule that {@link #next} made a strategy for ran, and took {@code steps} steps. */
    void finished(long steps);

    /**
     * Whether no schedule is left to explore; then every schedule of the test has been explored, and passing them is a
     * proof for the test (up to the bounds {@link #bounds()} names).
     */
    default boolean exhausted() {
        return false;
    }

    /** What limits the schedules this explorer can reach, for a report ("at most 2 preemptions"), or empty. */
    default String bounds() {
        return "";
    }

    /**
     * The strategy schedule {@code number} ran under, when the explorer's schedules do not all run under the one the
     * exploration was asked for (the portfolio's rotate), or empty.
     */
    default String strategyOf(int number) {
        return "";
    }

    /** Where an unfinished exploration stands, for a report ("12 choices still to explore ..."), or empty. */
    default String progress() {
        return "";
    }
}
