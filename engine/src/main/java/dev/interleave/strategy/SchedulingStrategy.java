package dev.interleave.strategy;

/**
 * Chooses, at every scheduling point, which thread runs next. An implementation must be a pure function of its seed
 * and the sequence of questions it was asked: that is what makes a seed reproduce a schedule.
 */
public interface SchedulingStrategy {

    /** Picks the next thread among those {@code decision} offers; returns its id. */
    int pickThread(Decision decision);

    /** Picks which of {@code count} waiting threads a {@code notify()} wakes; returns an index below count. */
    int pickWaiter(int count);

    /**
     * What the strategy wants to hear of every step of the schedule, or null: strategies that learn what each step
     * touched (to tell which orders matter) listen here.
     */
    default StepListener listener() {
        return null;
    }
}
