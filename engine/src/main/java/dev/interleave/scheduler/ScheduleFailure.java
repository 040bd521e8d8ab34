package dev.interleave.scheduler;

import dev.interleave.ConcurrencyFailure;

/** Why a schedule failed, as the scheduler saw it; the report turns it into words. */
public final class ScheduleFailure {

    private final ConcurrencyFailure.Kind kind;
    private final int thread;
    private final Throwable cause;
    private final String description;

    ScheduleFailure(ConcurrencyFailure.Kind kind, int thread, Throwable cause, String description) {
        this.kind = kind;
        this.thread = thread;
        this.cause = cause;
        this.description = description;
    }

    public ConcurrencyFailure.Kind kind() {
        return kind;
    }

    /** The thread that threw, or -1 for failures of the whole schedule. */
    public int thread() {
        return thread;
    }

    /** The exception the code under test threw, for {@link ConcurrencyFailure.Kind#EXCEPTION}. */
    public Throwable cause() {
        return cause;
    }

    /** What went wrong, in words: the deadlock cycle, the hang, the place a thread blocked. */
    public String description() {
        return description;
    }
}
