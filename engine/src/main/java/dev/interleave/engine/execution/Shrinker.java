package dev.interleave.engine.execution;

import java.util.List;
import java.util.Objects;

import dev.interleave.instrumentation.CodeOrigin;
import dev.interleave.scheduler.ScheduleFailure;
import dev.interleave.scheduler.ScheduleLimits;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.scheduler.ScheduleRecording;
import dev.interleave.strategy.GuidedStrategy;

/**
 * Shrinks a failing schedule to as few preemptions (switches away from a thread that could have gone on) as a
 * bounded search reaches while it still fails the same way. The schedule is a sequence of runs, each thread taking
 * some steps in a row; one run after another is put back together with the same thread's next run, the runs in
 * between following it, and the schedule that plan makes is tried. One that still fails the same way with fewer
 * preemptions replaces the one it came from, and the search goes on from the same place, until no run is left to
 * merge, or the bound on schedules or time is reached. The order of the search is fixed, so the same failure
 * shrinks the same way each time, unless the time bound cuts it short.
 */
public final class Shrinker {

    private final ScheduleRunner runner;
    private final ScheduleLimits limits;
    private final long maxMillis;
    private final int maxSchedules;

    public Shrinker(ScheduleRunner runner, ScheduleLimits limits, long maxMillis, int maxSchedules) {
        this.runner = runner;
        this.limits = limits;
        this.maxMillis = maxMillis;
        this.maxSchedules = maxSchedules;
    }

    /** What shrinking did: the schedule it ends with, and how far it got. */
    public static final class Result {
        public final ScheduleOutcome outcome;
        final int preemptionsBefore;
        final int preemptionsAfter;
        final int schedules;
        final long millis;
        /** What stopped the search before no preemption could go, or null. */
        final String cutShortBy;

        Result(ScheduleOutcome outcome, int preemptionsBefore, int preemptionsAfter, int schedules, long millis,
                String cutShortBy) {
            this.outcome = outcome;
            this.preemptionsBefore = preemptionsBefore;
            this.preemptionsAfter = preemptionsAfter;
            this.schedules = schedules;
            this.millis = millis;
            this.cutShortBy = cutShortBy;
        }

        /**
         * One line for the report: from how many preemptions to how many, in how many schedules. No time: the same
         * failure gives the same report on every machine.
         */
        public String summary() {
            String cost = schedules + (schedules == 1 ? " schedule" : " schedules") + " tried";
            String cut = cutShortBy == null ? "" : "; stopped by " + cutShortBy;
            if (preemptionsAfter == preemptionsBefore) {
                String fewer = preemptionsBefore == 0 ? "It has no preemption to shrink away"
                        : "Shrinking found no schedule with fewer than " + preemptionsBefore
                        + (preemptionsBefore == 1 ? " preemption" : " preemptions");
                return fewer + " (" + cost + cut + ").";
            }
            return "Shrunk from " + preemptionsBefore + " to " + preemptionsAfter + " preemptions (" + cost + cut
                    + ").";
        }
    }

    /**
     * Shrinks the schedule whose decisions are {@code decisions}, which failed with {@code failure}; returns null
     * when replaying it does not fail the same way again (then there is nothing to shrink from).
     */
    public Result shrink(int[] decisions, ScheduleFailure failure) throws InterruptedException {
        long started = System.nanoTime();
        GuidedStrategy best = GuidedStrategy.replaying(decisions);
        ScheduleOutcome bestOutcome = runner.run(best, limits, new ScheduleRecording(), null);
        int schedules = 1;
        if (!sameFailure(bestOutcome, failure)) {
            return null;
        }
        int before = best.preemptions();
        String cutShortBy = null;
        List<GuidedStrategy.Run> runs = best.runs();
        int index = 0;
        while (index < runs.size()) {
            List<GuidedStrategy.Run> plan = GuidedStrategy.merged(runs, index);
            if (plan == null) {
                index++;
                continue;
            }
            if (schedules >= maxSchedules) {
                cutShortBy = "the bound of " + maxSchedules + " schedules (-D" + Settings.SHRINK_SCHEDULES + ")";
                break;
            }
            if (elapsedMillis(started) >= maxMillis) {
                cutShortBy = "the bound of " + maxMillis + " ms (-D" + Settings.SHRINK_MILLIS + ")";
                break;
            }
            GuidedStrategy candidate = GuidedStrategy.following(plan);
            ScheduleOutcome outcome = runner.run(candidate, limits, new ScheduleRecording(), null);
            schedules++;
            if (sameFailure(outcome, failure) && candidate.preemptions() < best.preemptions()) {
                best = candidate;
                bestOutcome = outcome;
                runs = best.runs(); // and try the same place again: the next run may merge too
            } else {
                index++;
            }
        }
        return new Result(bestOutcome, before, best.preemptions(), schedules, elapsedMillis(started), cutShortBy);
    }

    /**
     * Whether {@code outcome} failed as {@code failure} did: of the same kind and, for an exception, of the same class
     * thrown from the same place.
     */
    public static boolean sameFailure(ScheduleOutcome outcome, ScheduleFailure failure) {
        if (!outcome.failed() || outcome.divergence() != null) {
            return false;
        }
        ScheduleFailure other = outcome.failure();
        if (other.kind() != failure.kind()) {
            return false;
        }
        if (failure.cause() == null || other.cause() == null) {
            return failure.cause() == other.cause();
        }
        return failure.cause().getClass() == other.cause().getClass()
                && Objects.equals(origin(failure.cause()), origin(other.cause()));
    }

    /** Where the exception came from: the first frame outside the JDK and the assertion libraries. */
    private static StackTraceElement origin(Throwable thrown) {
        StackTraceElement[] trace = thrown.getStackTrace();
        for (StackTraceElement frame : trace) {
            String name = frame.getClassName();
            if (!CodeOrigin.isJdk(name) && !name.startsWith("org.junit.") && !name.startsWith("org.opentest4j.")
                    && !name.startsWith("org.assertj.")) {
                return frame;
            }
        }
        return trace.length == 0 ? null : trace[0];
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
