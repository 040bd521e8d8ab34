package dev.interleave.strategy;

/**
 * Chooses, at every scheduling point, which thread runs next. An implementation must be a pure function of its seed
 * and the sequence of questions it was asked: that is what makes a seed reproduce a schedule.
 */
public interface SchedulingStrategy {

    /**
     * Picks the next thread among {@code enabled[0..count)}, thread ids in ascending order.
     *
     * @param running the id of the thread that reached the scheduling point, or -1 when it cannot run on
     * @return one of the enabled ids
     */
    int pickThread(int[] enabled, int count, int running);

    /** Picks which of {@code count} waiting threads a {@code notify()} wakes; returns an index below count. */
    int pickWaiter(int count);
}
