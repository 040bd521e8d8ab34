package dev.interleave.strategy;

/**
 * How many steps PCT expects of the next schedule of a test: {@value Explorers#FIRST_EXPECTED_STEPS} before any has
 * run, then as many as the longest schedule so far took, so that its change points spread over a whole schedule.
 */
final class PctSteps {

    private final boolean skipFirst;
    private long expected = Explorers.FIRST_EXPECTED_STEPS;
    private boolean measured;
    private boolean heard;

    /**
     * @param skipFirst whether the first schedule's steps are left out: it also runs the static initializers of the
     *                  classes it loads, which later schedules do not (see {@link EventCensus})
     */
    PctSteps(boolean skipFirst) {
        this.skipFirst = skipFirst;
    }

    long expected() {
        return expected;
    }

    /** A schedule of the test took {@code steps} steps. */
    void finished(long steps) {
        boolean first = !heard;
        heard = true;
        if (first && skipFirst) {
            return;
        }
        expected = measured ? Math.max(expected, steps) : Math.max(1, steps);
        measured = true;
    }
}
