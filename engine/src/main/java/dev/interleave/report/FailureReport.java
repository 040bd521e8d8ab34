package dev.interleave.report;

import java.util.List;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.scheduler.ScheduleFailure;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.scheduler.ThreadLabel;

/**
 * Turns a failed schedule into the failure a user reads: what failed, the strategy and seed, how to run it again,
 * and the interleaving that led there.
 */
public final class FailureReport {

    private final String testName;
    private final String replayTarget;
    private final String strategy;
    private final String seed;
    private final int schedule;
    private final int schedules;

    /**
     * @param testName     how the test is named in the headline, {@code CounterTest.lostUpdate()}
     * @param replayTarget the test as Surefire's {@code -Dtest} names it, {@code CounterTest#lostUpdate}
     */
    public FailureReport(String testName, String replayTarget, String strategy, String seed, int schedule,
            int schedules) {
        this.testName = testName;
        this.replayTarget = replayTarget;
        this.strategy = strategy;
        this.seed = seed;
        this.schedule = schedule;
        this.schedules = schedules;
    }

    public ConcurrencyFailure toFailure(ScheduleOutcome outcome) {
        ScheduleFailure failure = outcome.failure();
        StringBuilder text = new StringBuilder(headline(failure, outcome.threadNames()));
        text.append("\n\n").append(testName).append(" failed in schedule ").append(schedule).append(" of at most ")
                .append(schedules).append(" (strategy ").append(strategy).append(", seed ").append(seed)
                .append(").")
                .append("\nRun it again: mvn test -Dtest=").append(replayTarget).append(" -Dinterleave.seed=")
                .append(seed).append(" -Dinterleave.strategy=").append(strategy)
                .append("\n  (the same seed explores the same schedules in the same order; this is number ")
                .append(schedule).append(")")
                .append("\n\nInterleaving, ").append(outcome.traceSize())
                .append(outcome.traceSize() == 1 ? " step" : " steps")
                .append(" (thread 0 runs the test method):\n")
                .append(InterleavingTable.render(outcome.trace(), outcome.threadNames()));
        if (!outcome.leakedThreads().isEmpty()) {
            text.append("\nThreads that could not be stopped afterwards:");
            outcome.leakedThreads().forEach(thread -> text.append("\n  ").append(thread));
        }
        return new ConcurrencyFailure(failure.kind(), seed, schedule, text.toString(), failure.cause());
    }

    private static String headline(ScheduleFailure failure, List<String> threadNames) {
        switch (failure.kind()) {
            case EXCEPTION:
                return ThreadLabel.of(failure.thread(), threadNames.get(failure.thread())) + " threw "
                        + failure.cause();
            case DEADLOCK:
                return "Deadlock: " + failure.description();
            case HANG:
                return "Hang: " + failure.description();
            case UNMANAGED_THREAD:
                return "A thread the scheduler cannot manage: " + failure.description();
            default:
                return "A thread blocked outside the scheduler: " + failure.description()
                        + "\nInterleave models monitors, wait/notify, join and sleep; this blocking is not one of"
                        + " them, so the test cannot be explored as written.";
        }
    }
}
