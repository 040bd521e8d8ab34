package dev.interleave.samples.benchmark;

import java.time.Duration;

/**
 * How much plain stress testing one sample gets: at most {@code maxRuns} runs and at most {@code maxTime} of wall
 * clock, whichever ends first, and {@code runBound} for one run, after which the run counts as stuck (a deadlock or
 * a hang) rather than slow.
 *
 * @param maxRuns runs of the sample at most, at least 1
 * @param maxTime wall-clock time for the sample at most; a run that starts before it ends is finished
 * @param runBound how long one run may take before it is given up as stuck
 */
record StressBudget(long maxRuns, Duration maxTime, Duration runBound) {

    /** 100,000 runs or 10 seconds per sample, 2 seconds per run. */
    static final StressBudget DEFAULT = new StressBudget(100_000, Duration.ofSeconds(10), Duration.ofSeconds(2));

    StressBudget {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be at least 1, not " + maxRuns);
        }
        if (maxTime.isNegative() || maxTime.isZero() || runBound.isNegative() || runBound.isZero()) {
            throw new IllegalArgumentException("maxTime and runBound must be positive, not " + maxTime + " and "
                    + runBound);
        }
    }

    /** How long a whole sample can take: its time, then one last run that may go to the bound and be looked at. */
    Duration worstCase() {
        return maxTime.plus(runBound.multipliedBy(2)).plusSeconds(1);
    }
}
