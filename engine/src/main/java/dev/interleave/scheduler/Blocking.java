package dev.interleave.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.interleave.bridge.Sites;

/** Puts into words what the threads of a stuck schedule wait for, and the cycle among them. */
final class Blocking {

    private Blocking() {
    }

    static String describeDeadlock(Scheduler scheduler) {
        ObjectNames names = ObjectNames.of(scheduler.trace());
        List<ManagedThread> stuck = unfinished(scheduler);
        StringBuilder text = new StringBuilder("no thread can run, and ")
                .append(stuck.size()).append(stuck.size() == 1 ? " thread has" : " threads have")
                .append(" not finished:");
        for (ManagedThread thread : stuck) {
            text.append("\n  ").append(describe(scheduler, thread, names));
        }
        String cycle = cycle(scheduler, stuck);
        if (cycle != null) {
            text.append("\n  cycle: ").append(cycle);
        }
        if (scheduler.pollingOnly()) {
            text.append("\n  The timed waits above are inside the JDK, which waits again each time one times out"
                    + " (a pipe polls once a second for data): with no other thread left to act, they never end.");
        }
        return text.toString();
    }

    static String describeHang(Scheduler scheduler) {
        ObjectNames names = ObjectNames.of(scheduler.trace());
        StringBuilder text = new StringBuilder("the schedule passed its bound of ")
                .append(scheduler.maxSteps())
                .append(" scheduling points (interleave.maxSteps) without finishing: a livelock, or a thread that"
                        + " waits for something that never happens.");
        for (ManagedThread thread : unfinished(scheduler)) {
            text.append("\n  ").append(scheduler.isEnabled(thread)
                    ? thread + " can run, last at " + Sites.get(thread.lastSite).location()
                    : describe(scheduler, thread, names));
        }
        return text.toString();
    }

    private static List<ManagedThread> unfinished(Scheduler scheduler) {
        List<ManagedThread> result = new ArrayList<>();
        for (ManagedThread thread : scheduler.threads()) {
            if (!thread.finished) {
                result.add(thread);
            }
        }
        return result;
    }

    private static String describe(Scheduler scheduler, ManagedThread thread, ObjectNames names) {
        String at = thread.lastSite == Sites.UNKNOWN ? "" : " at " + Sites.get(thread.lastSite).location();
        ManagedThread holder = holder(scheduler, thread);
        String heldBy = holder == null ? at : heldBy(holder, scheduler.monitors().site(thread.blockedOn), at);
        switch (thread.pending) {
            case LOCK:
                return thread + " waits to lock " + names.nameOf(thread.blockedOn) + heldBy;
            case WAIT_RETURN:
                return thread.notified || thread.interruptRequested || thread.spurious
                        ? thread + " was woken from " + names.nameOf(thread.blockedOn) + ".wait() and waits to lock "
                        + "it again" + heldBy
                        : thread + " waits in " + names.nameOf(thread.blockedOn) + ".wait("
                        + (thread.deadline == ManagedThread.NO_DEADLINE ? "" : "timeout") + ") for a notify that no"
                        + " thread is left to send" + at;
            case JOIN:
                return thread + " waits for " + thread.joining + " to end (join)" + at;
            case PARK:
                if (isIdlePoolWorker(thread)) {
                    return thread + " waits for tasks of a thread pool that was never shut down; shut the pool down"
                            + " before the test method returns (pool.shutdown(), then pool.awaitTermination(...)),"
                            + " so that its workers end with the schedule";
                }
                if (thread.requestedLock != null) {
                    return describeLockWait(scheduler, thread, names, at);
                }
                return thread + " is parked (LockSupport.park"
                        + (thread.blockedOn == null ? "" : ", blocker " + names.nameOf(thread.blockedOn))
                        + ") and no thread is left to unpark it" + (at.isEmpty() ? "" : "; last" + at)
                        + (waitsForATask(thread.blockedOn) ? TASK_HINT : "");
            case IO:
                return describeIo(scheduler, thread, names, at);
            default:
                return thread + " can run" + at;
        }
    }

    /** {@code thread 1 waits to read from Socket#1 (port 40000 to 40001), whose peer thread 0 has not closed}. */
    private static String describeIo(Scheduler scheduler, ManagedThread thread, ObjectNames names, String at) {
        String text = thread + " " + IoModel.describe(thread.ioCall, thread.ioTarget, names.nameOf(thread.ioTarget));
        Object peer = thread.ioCall == dev.interleave.bridge.SocketIo.READ
                ? scheduler.io().peer(thread.ioTarget) : null;
        if (peer != null) {
            text += ", and no thread is left to write to its peer " + names.nameOf(peer) + " or to close either end";
        }
        return text + at;
    }

    /**
     * {@code thread 1 waits to lock ReentrantReadWriteLock#1 for reading, held by thread 2 (reading); queued ahead
     * of it: thread 0 (writing)}.
     */
    private static String describeLockWait(Scheduler scheduler, ManagedThread thread, ObjectNames names,
            String at) {
        Object lock = thread.requestedLock;
        StringBuilder text = new StringBuilder().append(thread).append(" waits to lock ")
                .append(names.nameOf(lock));
        if (isReadWrite(lock)) {
            text.append(" for ").append(mode(thread.requestedShared));
        }
        List<String> holders = new ArrayList<>();
        boolean placed = false;
        for (LockHolds.Hold hold : scheduler.lockHolds().heldByOthers(lock, thread)) {
            holders.add(hold.thread + (isReadWrite(lock) ? " (" + mode(hold.shared) + ")" : "")
                    + (hold.site == Sites.UNKNOWN ? "" : ", which took it at " + Sites.get(hold.site).location()));
            placed |= hold.site != Sites.UNKNOWN;
        }
        if (!holders.isEmpty()) {
            text.append(", held by ").append(String.join("; ", holders));
        }
        List<String> ahead = new ArrayList<>();
        for (ManagedThread other : queuedAhead(scheduler, thread)) {
            ahead.add(other + (isReadWrite(lock) ? " (" + mode(other.requestedShared) + ")" : ""));
        }
        if (!ahead.isEmpty()) {
            text.append("; queued ahead of it: ").append(String.join(", ", ahead));
        }
        return text.append(placed && !at.isEmpty() ? "; it waits" + at : at).toString();
    }

    /**
     * {@code , held by thread 2, which took it at C2.first(C2.java:30); it waits at C2.last(C2.java:37)}: where the
     * holder took what the thread waits for, then where the thread waits ({@code at}).
     */
    private static String heldBy(ManagedThread holder, int site, String at) {
        if (site == Sites.UNKNOWN) {
            return ", held by " + holder + at;
        }
        return ", held by " + holder + ", which took it at " + Sites.get(site).location()
                + (at.isEmpty() ? "" : "; it waits" + at);
    }

    /** Whether {@code lock}, a lock's sync, belongs to a reader/writer lock, whose holds differ in mode. */
    private static boolean isReadWrite(Object lock) {
        return lock.getClass().getEnclosingClass() == ReentrantReadWriteLock.class;
    }

    private static String mode(boolean shared) {
        return shared ? "reading" : "writing";
    }

    /** The threads that asked for the lock {@code thread} waits for before it did, and wait for it still. */
    private static List<ManagedThread> queuedAhead(Scheduler scheduler, ManagedThread thread) {
        List<ManagedThread> ahead = new ArrayList<>();
        for (ManagedThread other : scheduler.threads()) {
            if (other != thread && !other.finished && other.pending == ManagedThread.Pending.PARK
                    && other.requestedLock == thread.requestedLock && other.requestOrder < thread.requestOrder) {
                ahead.add(other);
            }
        }
        return ahead;
    }

    private static final String TASK_HINT = " (it waits for a task's result: if a thread outside this schedule"
            + " runs that task, such as the worker of an executor started before the test, in @BeforeAll or a static"
            + " field, that thread is not managed and its work cannot end under the scheduler; create the executor"
            + " inside the test method)";

    /** Whether {@code blocker} is what a thread parks on while it waits for a task's result. */
    private static boolean waitsForATask(Object blocker) {
        return blocker instanceof java.util.concurrent.Future
                || blocker != null && blocker.getClass().getName().startsWith("java.util.concurrent.CompletableFuture");
    }

    /** A pool's worker parked for want of tasks, in {@code ThreadPoolExecutor.getTask()}. */
    private static boolean isIdlePoolWorker(ManagedThread thread) {
        for (StackTraceElement frame : thread.thread.getStackTrace()) {
            if (frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                    && frame.getMethodName().equals("getTask")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The threads {@code thread} waits for: the holder of the monitor it waits for, or, for a lock of
     * {@code java.util.concurrent}, the threads queued ahead of it (a fair lock serves them first) and the holders.
     */
    private static List<ManagedThread> waitsFor(Scheduler scheduler, ManagedThread thread) {
        if (thread.pending == ManagedThread.Pending.PARK && thread.requestedLock != null) {
            List<ManagedThread> result = new ArrayList<>(queuedAhead(scheduler, thread));
            for (LockHolds.Hold hold : scheduler.lockHolds().heldByOthers(thread.requestedLock, thread)) {
                if (!result.contains(hold.thread)) {
                    result.add(hold.thread);
                }
            }
            return result;
        }
        ManagedThread holder = holder(scheduler, thread);
        return holder == null ? List.of() : List.of(holder);
    }

    /** The thread that holds the monitor {@code thread} waits for, or that it joins. */
    private static ManagedThread holder(Scheduler scheduler, ManagedThread thread) {
        switch (thread.pending) {
            case LOCK:
                return scheduler.monitors().owner(thread.blockedOn);
            case WAIT_RETURN:
                return thread.notified || thread.interruptRequested || thread.spurious
                        ? scheduler.monitors().owner(thread.blockedOn) : null;
            case JOIN:
                return thread.joining;
            default:
                return null;
        }
    }

    /** The first cycle of waiting among {@code stuck}, as {@code thread 0 -> thread 2 -> thread 1 -> thread 0}. */
    private static String cycle(Scheduler scheduler, List<ManagedThread> stuck) {
        for (ManagedThread start : stuck) {
            List<ManagedThread> path = new ArrayList<>();
            if (closesCycle(scheduler, start, start, path)) {
                StringBuilder text = new StringBuilder();
                for (ManagedThread member : path) {
                    text.append("thread ").append(member.id).append(" -> ");
                }
                return text.append("thread ").append(start.id).toString();
            }
        }
        return null;
    }

    /** Depth first from {@code at}: whether a path of waiting leads back to {@code start}; {@code path} holds it. */
    private static boolean closesCycle(Scheduler scheduler, ManagedThread start, ManagedThread at,
            List<ManagedThread> path) {
        path.add(at);
        for (ManagedThread next : waitsFor(scheduler, at)) {
            if (next == start || (!path.contains(next) && closesCycle(scheduler, start, next, path))) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}
