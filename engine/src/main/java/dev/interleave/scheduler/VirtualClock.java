package dev.interleave.scheduler;

/**
 * A schedule's time: it starts at 0 and moves only when the schedule says so, by a sleep, a timed wait that times
 * out, or a read of the clock by the code under test. Managed threads see it in place of the wall clock, so the
 * same seed gives the same times in every run, and waiting costs no wall time.
 *
 * <p>Only the running managed thread touches it, as the scheduler's fields.
 */
final class VirtualClock {

    /** What {@code System.currentTimeMillis()} returns when the clock reads 0: 2026-01-01T00:00:00Z. */
    static final long EPOCH_MILLIS = 1_767_225_600_000L;

    /**
     * How far one read moves the clock: without it, a loop that polls the clock until a deadline would never get
     * there, as no other time passes while a thread only computes.
     */
    static final long READ_QUANTUM_NANOS = 1_000_000;

    /**
     * How far a read by the JDK's own code moves the clock, inside a call such as {@code tryLock(1, MILLISECONDS)}:
     * it reads the clock only to work out what is left of a timeout before it parks for that long, so its reads must
     * not use the timeout up themselves; a microsecond still ends its short spins before a park.
     */
    static final long LIBRARY_READ_QUANTUM_NANOS = 1_000;

    private long nanos;

    /** The time {@code nanos} from now, saturated rather than overflowing. */
    long deadlineAfter(long fromNow) {
        long deadline = nanos + fromNow;
        return deadline < 0 ? Long.MAX_VALUE - 1 : deadline;
    }

    /** Moves the clock on to {@code time}; never back. */
    void advanceTo(long time) {
        nanos = Math.max(nanos, time);
    }

    /** A read by the code under test: moves the clock on by {@link #READ_QUANTUM_NANOS} and returns the new time. */
    long readNanos() {
        return readNanos(READ_QUANTUM_NANOS);
    }

    /** A read that moves the clock on by {@code quantum}; returns the new time. */
    long readNanos(long quantum) {
        advanceTo(deadlineAfter(quantum));
        return nanos;
    }

    /** A read as {@code System.currentTimeMillis()}: the epoch plus the virtual milliseconds; moves the clock on. */
    long readMillis() {
        return EPOCH_MILLIS + readNanos() / 1_000_000;
    }
}
