package dev.interleave.scheduler;

/**
 * The blocking model's state of one managed thread. Written only through {@link BlockingModel} and the thread's own
 * events, on the thread that runs (one at a time; the scheduler's volatile hand-off publishes it to the next); the
 * watchdog on the engine's thread never reads it.
 */
final class WaitState {

    /** What the thread waits for; {@link Blocker#NONE} while it runs. */
    Blocker blocker = Blocker.NONE;
    /** Another thread interrupted this one since its current wait began: the wait ends. */
    boolean interruptRequested;
    /** LockSupport's permit, as {@code unpark()} gives it; it outlives waits. */
    boolean permit;
    /** Whether this thread's waits were offered a spurious wake-up already. */
    boolean spuriousChoiceMade;
    /** Whether this thread's short timed parks were offered an early timeout already. */
    boolean earlyTimeoutChoiceMade;
    /** The model's progress count when {@link #idleTimeouts} started counting. */
    long timeoutsSince = -1;
    /** Timeouts of this thread since then, with nothing else happening. */
    int idleTimeouts;
    /** A {@code java.util.concurrent} lock this thread asked for and does not hold yet, or null. */
    LockRequest lockRequest;

    /** A request for a {@code java.util.concurrent} lock, known by its sync; {@code order} ranks requests. */
    record LockRequest(Object lock, boolean shared, long order) {
    }
}
