package dev.interleave.strategy;

/**
 * Thrown by a strategy whose schedule cannot lead anywhere new: every thread that could run next would only repeat
 * orders that an earlier schedule explored. The scheduler abandons the schedule, which is neither passed nor failed.
 */
public final class SchedulePruned extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchedulePruned() {
        super("every thread that can run is asleep", null, false, false);
    }
}
