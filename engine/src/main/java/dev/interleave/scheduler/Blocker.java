package dev.interleave.scheduler;

import java.util.List;

import dev.interleave.bridge.Sites;

/**
 * What one managed thread waits for before its next operation can go on: an immutable value, one per thread
 * ({@link WaitState#blocker}), that {@link BlockingModel} installs when the thread reaches a scheduling point and
 * replaces when something happens to it (a notify, a timeout). Each kind answers for itself whether the thread can
 * go on, whether its wait can time out, and how a deadlock report puts it, so that the scheduler never switches
 * over kinds; see {@link BlockingModel} for how to add one.
 *
 * <p>An interrupt and {@code LockSupport}'s permit are the thread's, not its blocker's: they outlive a wait (an
 * {@code unpark} before the {@code park}), so they live in {@link WaitState}, where each kind reads them.
 */
sealed interface Blocker {

    /** The deadline of a wait without a timeout. */
    long NO_DEADLINE = Long.MAX_VALUE;

    /** The thread waits for nothing: it can run. */
    Blocker NONE = new None();

    /** Whether {@code thread}, blocked on this, can go on now. */
    boolean isEnabled(BlockingModel model, ManagedThread thread);

    /** The virtual time at which this wait times out, or {@link #NO_DEADLINE}. */
    default long deadline() {
        return NO_DEADLINE;
    }

    /**
     * Whether, once nothing else can run, this wait may end by timing out: then virtual time jumps to its
     * {@link #deadline()}. Only asked of blockers with a deadline.
     */
    default boolean canTimeOut(BlockingModel model, ManagedThread thread) {
        return false;
    }

    /** This wait, after its timeout fired. */
    default Blocker afterTimeout() {
        return this;
    }

    /** The threads that must act before {@code thread} can go on, for the cycle of a deadlock report. */
    default List<ManagedThread> waitsFor(BlockingModel model, ManagedThread thread) {
        return List.of();
    }

    /**
     * One line of a deadlock or hang report: {@code thread 1 waits to lock Account#2, held by thread 2}; {@code at}
     * is where the thread waits ({@code " at C.m(C.java:12)"}), or empty.
     */
    String describe(BlockingModel model, ManagedThread thread, ObjectNames names, String at);

    /** No wait: the thread is about to run, or has just begun. */
    final class None implements Blocker {

        private None() {
        }

        @Override
        public boolean isEnabled(BlockingModel model, ManagedThread thread) {
            return true;
        }

        @Override
        public String describe(BlockingModel model, ManagedThread thread, ObjectNames names, String at) {
            return thread + " can run" + at;
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /** Entering {@code synchronized} on {@code monitor}: the thread can go on once no other thread holds it. */
    record MonitorEntry(Object monitor) implements Blocker {

        @Override
        public boolean isEnabled(BlockingModel model, ManagedThread thread) {
            return model.monitors().isFreeFor(monitor, thread);
        }

        @Override
        public List<ManagedThread> waitsFor(BlockingModel model, ManagedThread thread) {
            ManagedThread owner = model.monitors().owner(monitor);
            return owner == null ? List.of() : List.of(owner);
        }

        @Override
        public String describe(BlockingModel model, ManagedThread thread, ObjectNames names, String at) {
            return thread + " waits to lock " + names.nameOf(monitor) + model.heldBy(monitor, at);
        }
    }

    /**
     * About to initialize {@code type}, or to use it while another thread initializes it: the thread can go on once
     * no other thread holds the class's initialization lock (see {@link ClassInitLocks}).
     */
    record ClassInit(Class<?> type) implements Blocker {

        @Override
        public boolean isEnabled(BlockingModel model, ManagedThread thread) {
            return model.classInits().isFreeFor(type, thread);
        }

        @Override
        public List<ManagedThread> waitsFor(BlockingModel model, ManagedThread thread) {
            ManagedThread holder = model.classInits().holder(type);
            return holder == null || holder == thread ? List.of() : List.of(holder);
        }

        @Override
        public String describe(BlockingModel model, ManagedThread thread, ObjectNames names, String at) {
            ManagedThread holder = model.classInits().holder(type);
            String name = type.getSimpleName();
            if (holder == null) {
                return thread + " waits for class " + name + "'s initialization" + at;
            }
            String where = holder.lastSite == Sites.UNKNOWN ? "" : " at " + Sites.get(holder.lastSite).location();
            return thread + " waits for class " + name + "'s initialization, which " + holder + " runs" + where
                    + (at.isEmpty() ? "" : "; it waits" + at);
        }
    }

    /**
     * Inside {@code monitor.wait()}, having let the monitor go: the thread returns once a notify, its interrupt, a
     * timeout or a spurious wake-up ended the wait and the monitor is free again. {@code order} ranks waiters for
     * {@code notify}.
     */
    record WaitReturn(Object monitor, long deadline, long order, boolean notified, boolean timedOut,
            boolean spurious) implements Blocker {

        /** Whether something ended the wait itself (the monitor may still be held). */
        boolean woken(ManagedThread thread) {
            return notified || thread.waits.interruptRequested || timedOut || spurious;
        }

        /** Woken in a way that makes the thread take the monitor back (a timeout counts only once it fires). */
        private boolean wokenByAnother(ManagedThread thread) {
            return notified || thread.waits.interruptRequested || spurious;
        }

        WaitReturn notifiedNow() {
            return new WaitReturn(monitor, deadline, order, true, timedOut, spurious);
        }

        @Override
        public Blocker afterTimeout() {
            return new WaitReturn(monitor, deadline, order, notified, true, spurious);
        }

        @Override
        public boolean isEnabled(BlockingModel model, ManagedThread thread) {
            return woken(thread) && model.monitors().isFreeFor(monitor, thread);
        }

        @Override
        public boolean canTimeOut(BlockingModel model, ManagedThread thread) {
            return model.monitors().isFreeFor(monitor, thread);
        }

        @Override
        public List<ManagedThread> waitsFor(BlockingModel model, ManagedThread thread) {
            ManagedThread owner = wokenByAnother(thread) ? model.monitors().owner(monitor) : null;
            return owner == null ? List.of() : List.of(owner);
        }

        @Override
        public String describe(BlockingModel model, ManagedThread thread, ObjectNames names, String at) {
            return wokenByAnother(thread)
                    ? thread + " was woken from " + names.nameOf(monitor) + ".wait() and waits to lock it again"
                    + model.heldBy(monitor, at)
                    : thread + " waits in " + names.nameOf(monitor) + ".wait(" + (deadline == NO_DEADLINE ? ""
                    : "timeout") + ") for a notify that no thread is left to send" + at;
        }
    }

    /** In {@code target.join()}: the thread returns once {@code target} ended, or on its interrupt or timeout. */
    record Join(ManagedThread target, long deadline, boolean timedOut) implements Blocker {

        @Override
        public boolean isEnabled(BlockingModel model, ManagedThread thread) {
            return target.finished || thread.waits.interruptRequested || timedOut;
        }

        @Override
        public boolean canTimeOut(BlockingModel model, ManagedThread thread) {
            return true;
        }

        @Override
        public Blocker afterTimeout() {
            return new Join(target, deadline, true);
        }

        @Override
        public List<ManagedThread> waitsFor(BlockingModel model, ManagedThread thread) {
            return List.of(target);
        }

        @Override
        public String describe(BlockingModel model, ManagedThread thread, ObjectNames names, String at) {
            return thread + " waits for " + target + " to end (join)" + at;
        }
    }

    /**
     * In {@code LockSupport.park(blocker)}: the thread returns once it has a permit ({@code unpark}), or on its
     * interrupt, a timeout or a spurious wake-up. The JDK's locks, queues and futures all wait here.
     */
    record Park(Object blocker, long deadline, boolean timedOut, boolean spurious) implements Blocker {

        @Override
        public boolean isEnabled(BlockingModel model, ManagedThread thread) {
            return thread.waits.permit || thread.waits.interruptRequested || timedOut || spurious;
        }

        @Override
        public boolean canTimeOut(BlockingModel model, ManagedThread thread) {
            return true;
        }

        @Override
        public Blocker afterTimeout() {
            return new Park(blocker, deadline, true, spurious);
        }

        @Override
        public List<ManagedThread> waitsFor(BlockingModel model, ManagedThread thread) {
            return thread.waits.lockRequest == null ? List.of() : model.lockWaitsFor(thread);
        }

        @Override
        public String describe(BlockingModel model, ManagedThread thread, ObjectNames names, String at) {
            return model.describePark(this, thread, names, at);
        }
    }

    /**
     * In a blocking socket, channel or selector call ({@code call} is {@code SocketIo.ACCEPT}, {@code READ},
     * {@code SELECT} or {@code WRITE}) on {@code target}: the thread goes on once another managed thread's connect,
     * write, read, close or wakeup lets the call go on ({@link IoModel#ready}), or on its timeout, or, when {@code outside}, to make the
     * real call that only something outside the test can end.
     */
    record Io(int call, Object target, long deadline, boolean timedOut, boolean outside) implements Blocker {

        Io leftToOutside() {
            return new Io(call, target, deadline, timedOut, true);
        }

        @Override
        public boolean isEnabled(BlockingModel model, ManagedThread thread) {
            return outside || timedOut || model.io().ready(call, target);
        }

        @Override
        public boolean canTimeOut(BlockingModel model, ManagedThread thread) {
            return true;
        }

        @Override
        public Blocker afterTimeout() {
            return new Io(call, target, deadline, true, outside);
        }

        @Override
        public String describe(BlockingModel model, ManagedThread thread, ObjectNames names, String at) {
            String text = thread + " " + IoModel.describe(call, target, names.nameOf(target));
            boolean reads = call == dev.interleave.bridge.SocketIo.READ;
            Object peer = reads || call == dev.interleave.bridge.SocketIo.WRITE ? model.io().peer(target) : null;
            if (peer != null) {
                text += ", and no thread is left to " + (reads ? "write to" : "read from") + " its peer "
                        + names.nameOf(peer) + " or to close either end";
            }
            return text + at;
        }
    }
}
