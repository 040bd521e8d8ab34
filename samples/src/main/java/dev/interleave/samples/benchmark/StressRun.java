package dev.interleave.samples.benchmark;

import java.util.Optional;

/**
 * Plain stress testing of one sample: runs it on real threads, over and over, until a run fails or the budget is
 * spent. Meant for a JVM that Interleave's agent is not attached to (see {@link StressTesting}): there nothing is
 * instrumented, and the runs are what a stress test without any framework does.
 */
final class StressRun {

    private StressRun() {
    }

    /**
     * Runs {@code sample} until its first failing run, {@code budget.maxRuns()} runs, or {@code budget.maxTime()},
     * whichever comes first; the run under way when the time is up is finished.
     */
    static StressResult run(SampleMethod sample, StressBudget budget) throws InterruptedException {
        RealRun real = new RealRun(sample, budget.runBound());
        long started = System.nanoTime();
        long end = started + budget.maxTime().toNanos();
        long runs = 0;
        Optional<StressFailure> failure = Optional.empty();
        while (failure.isEmpty() && runs < budget.maxRuns() && (runs == 0 || System.nanoTime() - end < 0)) {
            runs++;
            failure = real.run(runs);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new StressResult(sample.name(), runs, runs / seconds, failure);
    }
}
