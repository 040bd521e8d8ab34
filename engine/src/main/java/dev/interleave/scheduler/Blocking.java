package dev.interleave.scheduler;

import java.util.ArrayList;
import java.util.List;

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
        String heldBy = holder == null ? "" : ", held by " + holder;
        switch (thread.pending) {
            case LOCK:
                return thread + " waits to lock " + names.nameOf(thread.blockedOn) + heldBy + at;
            case WAIT_RETURN:
                return thread.notified || thread.interruptRequested
                        ? thread + " was woken from " + names.nameOf(thread.blockedOn) + ".wait() and waits to lock "
                        + "it again" + heldBy + at
                        : thread + " waits in " + names.nameOf(thread.blockedOn) + ".wait() for a notify that no"
                        + " thread is left to send" + at;
            case JOIN:
                return thread + " waits for " + thread.joining + " to end (join)" + at;
            case PARK:
                if (isIdlePoolWorker(thread)) {
                    return thread + " waits for tasks of a thread pool that was never shut down; shut the pool down"
                            + " before the test method returns (pool.shutdown(), then pool.awaitTermination(...)),"
                            + " so that its workers end with the schedule";
                }
                return thread + " is parked (LockSupport.park"
                        + (thread.blockedOn == null ? "" : ", blocker " + names.nameOf(thread.blockedOn))
                        + ") and no thread is left to unpark it" + (at.isEmpty() ? "" : "; last" + at);
            default:
                return thread + " can run" + at;
        }
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

    /** The thread {@code thread} waits for, if it waits for one. */
    private static ManagedThread holder(Scheduler scheduler, ManagedThread thread) {
        switch (thread.pending) {
            case LOCK:
                return scheduler.monitors().owner(thread.blockedOn);
            case WAIT_RETURN:
                return thread.notified || thread.interruptRequested
                        ? scheduler.monitors().owner(thread.blockedOn) : null;
            case JOIN:
                return thread.joining;
            default:
                return null;
        }
    }

    private static String cycle(Scheduler scheduler, List<ManagedThread> stuck) {
        for (ManagedThread start : stuck) {
            List<ManagedThread> path = new ArrayList<>();
            ManagedThread at = start;
            while (at != null && !path.contains(at)) {
                path.add(at);
                at = holder(scheduler, at);
            }
            if (at != null) {
                StringBuilder text = new StringBuilder();
                for (ManagedThread member : path.subList(path.indexOf(at), path.size())) {
                    text.append("thread ").append(member.id).append(" -> ");
                }
                return text.append("thread ").append(at.id).toString();
            }
        }
        return null;
    }
}
