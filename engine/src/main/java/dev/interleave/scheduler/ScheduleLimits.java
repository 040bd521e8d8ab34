package dev.interleave.scheduler;

import java.util.concurrent.TimeUnit;

/**
 * The bounds of one schedule. {@code maxSteps} is part of the schedule's definition (a deterministic hang bound);
 * the wall-clock bounds only catch what the scheduler cannot see: a thread blocked in unmanaged code, or running
 * for long without a scheduling point.
 */
public final class ScheduleLimits {

    private final int maxSteps;
    private final long blockedNanos;
    private final long stallNanos;
    private final long unwindNanos;
    private final long deadline;

    public ScheduleLimits(int maxSteps, long blockedMillis, long stallMillis, long unwindMillis) {
        this(maxSteps, blockedMillis, stallMillis, unwindMillis, Long.MAX_VALUE);
    }

    private ScheduleLimits(int maxSteps, long blockedMillis, long stallMillis, long unwindMillis, long deadline) {
        this.deadline = deadline;
        this.maxSteps = maxSteps;
        this.blockedNanos = TimeUnit.MILLISECONDS.toNanos(blockedMillis);
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        this.unwindNanos = TimeUnit.MILLISECONDS.toNanos(unwindMillis);
    }

    public static ScheduleLimits withMaxSteps(int maxSteps) {
        return new ScheduleLimits(maxSteps, 1_000, 10_000, 5_000);
    }

    /**
     * The same limits, with a wall-clock deadline ({@link System#nanoTime()}) for the whole exploration, as a
     * {@code @Timeout} sets it: a schedule still running then is stopped.
     */
    public ScheduleLimits withDeadline(long nanoTime) {
        return new ScheduleLimits(maxSteps, blockedNanos / 1_000_000, stallNanos / 1_000_000,
                unwindNanos / 1_000_000, nanoTime);
    }

    /**
     * The same limits with a watchdog of {@code millis}: how long the running thread may go on without reaching a
     * scheduling point before the schedule is reported as a hang.
     */
    public ScheduleLimits withWatchdog(long millis) {
        return new ScheduleLimits(maxSteps, blockedNanos / 1_000_000, millis, unwindNanos / 1_000_000, deadline);
    }

    public boolean isPast(long nanoTime) {
        return deadline != Long.MAX_VALUE && nanoTime - deadline > 0;
    }

    public int maxSteps() {
        return maxSteps;
    }

    long blockedNanos() {
        return blockedNanos;
    }

    long stallNanos() {
        return stallNanos;
    }

    long unwindNanos() {
        return unwindNanos;
    }

    long unwindMillis() {
        return TimeUnit.NANOSECONDS.toMillis(unwindNanos);
    }
}
