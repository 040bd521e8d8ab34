package dev.interleave.scheduler;

/**
 * Thrown inside a managed thread to unwind it when its schedule is abandoned (a failure elsewhere, a deadlock, a
 * hang). It is an {@link Error} so that ordinary {@code catch (Exception e)} blocks in the code under test let it
 * pass; the scheduler swallows it when the thread ends.
 */
public final class ScheduleAbortedError extends Error {

    private static final long serialVersionUID = 1L;

    ScheduleAbortedError() {
        super("schedule abandoned by Interleave", null, false, false);
    }

    static boolean isIn(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof ScheduleAbortedError) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
