package dev.interleave.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntUnaryOperator;

import dev.interleave.bridge.Sites;
import dev.interleave.instrumentation.CodeOrigin;

/**
 * The scheduler's model of blocking: which threads can run ({@link #isEnabled}), which timeout fires when none can
 * ({@link #fireEarliestTimeout}), what {@code notify}, {@code notifyAll}, {@code unpark} and {@code interrupt} make
 * runnable, the choices of spurious wake-ups and early timeouts, and the words of a deadlock or hang report. Each
 * thread's wait is one {@link Blocker} value in its {@link WaitState}; the scheduler installs it at a scheduling
 * point ({@link Scheduler#point}) and this class replaces it when another thread ends the wait.
 *
 * <p>All of it runs on the managed thread that holds the turn, one at a time: the scheduler's volatile hand-off
 * ({@code current}) publishes the state to the next. The watchdog on the engine's thread reads none of it (it
 * reads only {@code ManagedThread.parked}, {@code finished} and {@code realWaitMonitor}, which are volatile).
 *
 * <h2>Adding a kind of blocking</h2>
 * <ol>
 *   <li>Add a record to {@link Blocker} (its variants are nested there; the interface is sealed) that holds what the
 *   thread waits for, immutably, and implements {@link Blocker#isEnabled} (read the model through its accessors:
 *   {@link #monitors()}, {@link #lockHolds()}, the thread's {@link WaitState}) and {@link Blocker#describe} (one line
 *   of a deadlock report). Override {@link Blocker#waitsFor} to take part in cycles; give it a deadline and override
 *   {@link Blocker#canTimeOut} and {@link Blocker#afterTimeout} if the wait can time out.</li>
 *   <li>Where the thread blocks, pass a value of it to {@code scheduler.point(self, blocker, site)}: it returns,
 *   with the blocker as it stood when the thread was chosen, once the blocker is enabled and the strategy chose the
 *   thread.</li>
 *   <li>Whatever ends the wait from another thread (a release, a close) changes the model here, in a method of this
 *   class called at that thread's step: either state the blocker's {@code isEnabled} reads (as {@link Monitors} does
 *   for monitors), or a new blocker value for the waiting thread (as {@link #notifyWaiters} does). Never block the
 *   real thread: the model decides, and a thread the model lets go must not block in the JVM.</li>
 *   <li>Test it in {@code BlockingModelTests}, with threads that are never started.</li>
 * </ol>
 * Nothing else switches over kinds, so the scheduler, the strategies' view ({@link Choices}) and the reports need no
 * change. A new kind changes no recorded schedule of programs that never block that way.
 */
final class BlockingModel {

    /**
     * Timeouts up to this long race the threads that could end the wait: the strategy may let one fire while others
     * can still run. Longer ones fire only when no thread can run otherwise.
     */
    static final long RACING_TIMEOUT_NANOS = 10_000_000;

    private final List<ManagedThread> threads;
    private final Monitors monitors;
    private final LockHolds lockHolds;
    private final ClassInitLocks classInits = new ClassInitLocks();
    private final VirtualClock clock;
    /** The strategy's choice among {@code n} waiters (or 2 for a yes-no choice): the answer's index. */
    private final IntUnaryOperator choose;
    private boolean spuriousWakeups;
    private long orders;
    /** Counts the schedule's progress: a thread ended, or another thread could run after a timeout. */
    private long sinceProgress;
    private ManagedThread lastTimedOut;
    private boolean pollingOnly;
    private final IoModel io = new IoModel();

    BlockingModel(List<ManagedThread> threads, Monitors monitors, LockHolds lockHolds, VirtualClock clock,
            IntUnaryOperator choose) {
        this.threads = threads;
        this.monitors = monitors;
        this.lockHolds = lockHolds;
        this.clock = clock;
        this.choose = choose;
    }

    /** Lets waits the application asked for end spuriously, as the JVM allows (see {@link #wakesSpuriously}). */
    void allowSpuriousWakeups(boolean allowed) {
        this.spuriousWakeups = allowed;
    }

    ClassInitLocks classInits() {
        return classInits;
    }

    Monitors monitors() {
        return monitors;
    }

    LockHolds lockHolds() {
        return lockHolds;
    }

    /** What the schedule's threads did with sockets, channels and selectors, which {@link Blocker.Io} reads. */
    IoModel io() {
        return io;
    }

    /** A number larger than every one before: the order in which threads began to wait, or asked for a lock. */
    long nextOrder() {
        return ++orders;
    }

    // ---- enabledness --------------------------------------------------------------------------------------------

    boolean isEnabled(ManagedThread thread) {
        return thread.waits.blocker.isEnabled(this, thread);
    }

    // ---- timeouts -----------------------------------------------------------------------------------------------

    /**
     * When nothing can run, virtual time jumps to the earliest timed wait that can then go on, and that wait times
     * out; returns its thread, or null when there is none or the only timed waits left are the JDK's polling loops
     * that no thread can end (see {@link #onlyJdkPollingLeft}).
     */
    ManagedThread fireEarliestTimeout() {
        ManagedThread earliest = null;
        for (ManagedThread thread : threads) {
            Blocker blocker = thread.waits.blocker;
            if (thread.finished || blocker.deadline() == Blocker.NO_DEADLINE) {
                continue;
            }
            if (blocker.canTimeOut(this, thread)
                    && (earliest == null || blocker.deadline() < earliest.waits.blocker.deadline())) {
                earliest = thread;
            }
        }
        if (earliest == null) {
            return null;
        }
        WaitState waits = earliest.waits;
        if (waits.timeoutsSince != sinceProgress) {
            waits.timeoutsSince = sinceProgress;
            waits.idleTimeouts = 0;
        }
        waits.idleTimeouts++;
        if (onlyJdkPollingLeft()) {
            return null;
        }
        long deadline = waits.blocker.deadline();
        waits.blocker = waits.blocker.afterTimeout();
        earliest.opFlags |= Operations.GLOBAL; // a timeout happens when nothing else can: every other step decides it
        clock.advanceTo(deadline);
        lastTimedOut = earliest;
        return earliest;
    }

    /**
     * Whether every unfinished thread either waits without a timeout or sits in a timed wait inside the JDK that has
     * timed out twice with nothing else happening: JDK code such as {@code PipedInputStream.read} waits a second at
     * a time, in a loop, for something only another thread can do. When no other thread is left to do it, that is
     * a deadlock, found at once instead of after a million steps of virtual seconds.
     */
    private boolean onlyJdkPollingLeft() {
        for (ManagedThread thread : threads) {
            WaitState waits = thread.waits;
            if (thread.finished || waits.blocker.deadline() == Blocker.NO_DEADLINE) {
                continue;
            }
            boolean polling = waits.timeoutsSince == sinceProgress && waits.idleTimeouts >= 2
                    && CodeOrigin.isJdk(Sites.get(thread.lastSite).className());
            if (!polling) {
                return false;
            }
        }
        pollingOnly = true;
        return true;
    }

    /** Whether the schedule stopped because only the JDK's polling loops were left (see {@link #onlyJdkPollingLeft}). */
    boolean pollingOnly() {
        return pollingOnly;
    }

    /** A thread ended: the timeouts so far were not all that happened. */
    void progressed() {
        sinceProgress++;
        lastTimedOut = null;
    }

    /**
     * {@code count} threads can run at a decision, the first of them {@code first}: if one other than the thread
     * whose timeout fired last can, the timeouts so far were not the only way on.
     */
    void runnable(int count, int first) {
        if (lastTimedOut != null && (count > 1 || first != lastTimedOut.id)) {
            progressed();
        }
    }

    /**
     * Whether the timed park {@code self} begins, with {@code timeoutNanos} to wait, times out before anything
     * else happens: the strategy chooses, at each thread's first park with a timeout of at most
     * {@link #RACING_TIMEOUT_NANOS} ({@code tryLock(1, MILLISECONDS)}, {@code poll(1, MILLISECONDS)}), as such a
     * timeout can end before a lock's holder lets go.
     */
    boolean timesOutEarly(ManagedThread self, long timeoutNanos) {
        if (timeoutNanos < 0 || timeoutNanos > RACING_TIMEOUT_NANOS || self.waits.earlyTimeoutChoiceMade) {
            return false;
        }
        self.waits.earlyTimeoutChoiceMade = true;
        return choose.applyAsInt(2) == 1;
    }

    /**
     * Whether the wait {@code self} begins at {@code site} ends with a spurious wake-up ("thread N wakes
     * spuriously"): the strategy chooses, as it chooses which waiter a notify wakes, at every wait in application
     * code, so that code which waits under {@code if} instead of {@code while} is found, at a thread's first wait or
     * at a later one. Bounded so that exhaustive exploration stays finite: after a spurious wake-up, a thread's waits
     * are offered none until another thread has woken it ({@link #wokenByAnother}). A loop that waits again on the
     * same condition (the right way to wait) so takes one spurious wake-up, not one per turn; a thread wakes
     * spuriously at most once more than other threads wake it.
     */
    boolean wakesSpuriously(ManagedThread self, int site) {
        if (!spuriousWakeups || self.waits.spuriousSpent || site == Sites.UNKNOWN
                || CodeOrigin.isJdk(Sites.get(site).className())) {
            return false;
        }
        boolean spurious = choose.applyAsInt(2) == 1;
        self.waits.spuriousSpent = spurious;
        return spurious;
    }

    /**
     * A wait of {@code self} ended because another thread acted (a notify, an unpark, an interrupt): that is
     * progress, after which its waits may end spuriously again. A timeout is not: a timed wait in a loop would
     * otherwise be offered a spurious wake-up at every turn.
     */
    void wokenByAnother(ManagedThread self) {
        self.waits.spuriousSpent = false;
    }

    /**
     * When no thread can run, the first thread whose blocking I/O call something outside the test may end (a
     * client connecting from elsewhere, a server that the test did not start) is let go to make the real call,
     * which the watchdog bounds; returns it, or null. A read whose peer a thread of the test owns is not: that is
     * a deadlock.
     */
    ManagedThread releaseToOutside() {
        for (ManagedThread thread : threads) {
            if (!thread.finished && thread.waits.blocker instanceof Blocker.Io) {
                Blocker.Io wait = (Blocker.Io) thread.waits.blocker;
                if (!wait.outside() && io.fromOutside(wait.call(), wait.target())) {
                    thread.waits.blocker = wait.leftToOutside();
                    thread.opFlags |= Operations.GLOBAL; // it goes on only because nothing else can
                    return thread;
                }
            }
        }
        return null;
    }

    // ---- what ends waits ----------------------------------------------------------------------------------------

    /**
     * {@code notify} ({@code all} false) or {@code notifyAll} on {@code monitor}: ends the wait of one waiter, which
     * the strategy picks in the order the waiters began to wait, or of all; returns what it did, for the trace.
     */
    String notifyWaiters(Object monitor, boolean all) {
        List<ManagedThread> waiters = new ArrayList<>();
        for (ManagedThread thread : threads) {
            if (!thread.finished && thread.waits.blocker instanceof Blocker.WaitReturn wait
                    && wait.monitor() == monitor && !wait.woken(thread)) {
                waiters.add(thread);
            }
        }
        if (waiters.isEmpty()) {
            return "no thread waits";
        }
        waiters.sort(Comparator.comparingLong(waiter -> ((Blocker.WaitReturn) waiter.waits.blocker).order()));
        StringBuilder woken = new StringBuilder();
        List<ManagedThread> chosen = all ? waiters : List.of(waiters.get(choose.applyAsInt(waiters.size())));
        for (ManagedThread waiter : chosen) {
            waiter.waits.blocker = ((Blocker.WaitReturn) waiter.waits.blocker).notifiedNow();
            woken.append(woken.length() == 0 ? "wakes thread " : ", ").append(waiter.id);
        }
        return woken.toString();
    }

    /** {@code target} was interrupted: a wait it is in, or begins before it runs again, ends. */
    void interrupt(ManagedThread target) {
        if (target != null && !target.finished) {
            target.waits.interruptRequested = true;
        }
    }

    /** {@code self} begins a wait that only an interrupt from now on ends (one it had before is its JVM flag). */
    void clearInterrupt(ManagedThread self) {
        self.waits.interruptRequested = false;
    }

    /** Takes back an interrupt that ended {@code self}'s wait; returns whether there was one. */
    boolean takeInterrupt(ManagedThread self) {
        boolean requested = self.waits.interruptRequested;
        self.waits.interruptRequested = false;
        return requested;
    }

    /** {@code LockSupport.unpark(target)}: it gets the permit, which ends its park, or the next one. */
    void unpark(ManagedThread target) {
        target.waits.permit = true;
    }

    /** {@code self}'s park returned: it used up its permit, if it had one. */
    void permitUsed(ManagedThread self) {
        self.waits.permit = false;
    }

    /** {@code self} asked for a {@code java.util.concurrent} lock (its sync), which it may have to wait for. */
    void lockRequested(ManagedThread self, Object lock, boolean shared) {
        self.waits.lockRequest = new WaitState.LockRequest(lock, shared, nextOrder());
    }

    /** {@code self} got the lock it asked for, or gave up. */
    void lockRequestEnded(ManagedThread self) {
        self.waits.lockRequest = null;
    }

    // ---- reports ------------------------------------------------------------------------------------------------

    /** Why no thread can run: what each unfinished thread waits for, and the first cycle among them. */
    String describeDeadlock(List<TraceEvent> trace) {
        ObjectNames names = ObjectNames.of(trace);
        List<ManagedThread> stuck = unfinished();
        StringBuilder text = new StringBuilder("no thread can run, and ")
                .append(stuck.size()).append(stuck.size() == 1 ? " thread has" : " threads have")
                .append(" not finished:");
        for (ManagedThread thread : stuck) {
            text.append("\n  ").append(describe(thread, names));
        }
        String cycle = cycle(stuck);
        if (cycle != null) {
            text.append("\n  cycle: ").append(cycle);
        }
        if (pollingOnly) {
            text.append("\n  The timed waits above are inside the JDK, which waits again each time one times out"
                    + " (a pipe polls once a second for data): with no other thread left to act, they never end.");
        }
        return text.toString();
    }

    /** Why the schedule passed its bound of {@code maxSteps}: which threads can run, and what the others wait for. */
    String describeHang(List<TraceEvent> trace, int maxSteps) {
        ObjectNames names = ObjectNames.of(trace);
        StringBuilder text = new StringBuilder("the schedule passed its bound of ")
                .append(maxSteps)
                .append(" scheduling points (interleave.maxSteps) without finishing: a livelock, or a thread that"
                        + " waits for something that never happens.");
        for (ManagedThread thread : unfinished()) {
            text.append("\n  ").append(isEnabled(thread)
                    ? thread + " can run, last at " + Sites.get(thread.lastSite).location()
                    : describe(thread, names));
        }
        return text.toString();
    }

    private List<ManagedThread> unfinished() {
        List<ManagedThread> result = new ArrayList<>();
        for (ManagedThread thread : threads) {
            if (!thread.finished) {
                result.add(thread);
            }
        }
        return result;
    }

    private String describe(ManagedThread thread, ObjectNames names) {
        String at = thread.lastSite == Sites.UNKNOWN ? "" : " at " + Sites.get(thread.lastSite).location();
        return thread.waits.blocker.describe(this, thread, names, at);
    }

    /**
     * {@code , held by thread 2, which took it at C2.first(C2.java:30); it waits at C2.last(C2.java:37)}: who holds
     * {@code monitor}, which a thread waits for, where the holder took it, then where the thread waits
     * ({@code at}); just {@code at} when no other thread holds it.
     */
    String heldBy(Object monitor, String at) {
        ManagedThread holder = monitors.owner(monitor);
        if (holder == null) {
            return at;
        }
        int site = monitors.site(monitor);
        if (site == Sites.UNKNOWN) {
            return ", held by " + holder + at;
        }
        return ", held by " + holder + ", which took it at " + Sites.get(site).location()
                + (at.isEmpty() ? "" : "; it waits" + at);
    }

    /** The words for a thread in {@code LockSupport.park}: an idle pool worker, a lock's waiter, or a plain park. */
    String describePark(Blocker.Park park, ManagedThread thread, ObjectNames names, String at) {
        if (isIdlePoolWorker(thread)) {
            return thread + " waits for tasks of a thread pool that was never shut down; shut the pool down"
                    + " before the test method returns (pool.shutdown(), then pool.awaitTermination(...)),"
                    + " so that its workers end with the schedule";
        }
        if (thread.waits.lockRequest != null) {
            return describeLockWait(thread, names, at);
        }
        return thread + " is parked (LockSupport.park"
                + (park.blocker() == null ? "" : ", blocker " + names.nameOf(park.blocker()))
                + ") and no thread is left to unpark it" + (at.isEmpty() ? "" : "; last" + at)
                + (waitsForATask(park.blocker()) ? TASK_HINT : "");
    }

    /**
     * {@code thread 1 waits to lock ReentrantReadWriteLock#1 for reading, held by thread 2 (reading); queued ahead
     * of it: thread 0 (writing)}.
     */
    private String describeLockWait(ManagedThread thread, ObjectNames names, String at) {
        WaitState.LockRequest request = thread.waits.lockRequest;
        Object lock = request.lock();
        StringBuilder text = new StringBuilder().append(thread).append(" waits to lock ")
                .append(names.nameOf(lock));
        if (isReadWrite(lock)) {
            text.append(" for ").append(mode(request.shared()));
        }
        List<String> holders = new ArrayList<>();
        boolean placed = false;
        for (LockHolds.Hold hold : lockHolds.heldByOthers(lock, thread)) {
            holders.add(hold.thread + (isReadWrite(lock) ? " (" + mode(hold.shared) + ")" : "")
                    + (hold.site == Sites.UNKNOWN ? "" : ", which took it at " + Sites.get(hold.site).location()));
            placed |= hold.site != Sites.UNKNOWN;
        }
        if (!holders.isEmpty()) {
            text.append(", held by ").append(String.join("; ", holders));
        }
        List<String> ahead = new ArrayList<>();
        for (ManagedThread other : queuedAhead(thread)) {
            ahead.add(other + (isReadWrite(lock) ? " (" + mode(other.waits.lockRequest.shared()) + ")" : ""));
        }
        if (!ahead.isEmpty()) {
            text.append("; queued ahead of it: ").append(String.join(", ", ahead));
        }
        return text.append(placed && !at.isEmpty() ? "; it waits" + at : at).toString();
    }

    /** Whether {@code lock}, a lock's sync, belongs to a reader/writer lock, whose holds differ in mode. */
    private static boolean isReadWrite(Object lock) {
        return lock.getClass().getEnclosingClass() == ReentrantReadWriteLock.class;
    }

    private static String mode(boolean shared) {
        return shared ? "reading" : "writing";
    }

    /** The threads that asked for the lock {@code thread} waits for before it did, and wait for it still. */
    private List<ManagedThread> queuedAhead(ManagedThread thread) {
        WaitState.LockRequest request = thread.waits.lockRequest;
        List<ManagedThread> ahead = new ArrayList<>();
        for (ManagedThread other : threads) {
            WaitState.LockRequest theirs = other.waits.lockRequest;
            if (other != thread && !other.finished && other.waits.blocker instanceof Blocker.Park
                    && theirs != null && theirs.lock() == request.lock() && theirs.order() < request.order()) {
                ahead.add(other);
            }
        }
        return ahead;
    }

    /**
     * The threads {@code thread}, parked for a lock of {@code java.util.concurrent}, waits for: those queued ahead of
     * it (a fair lock serves them first) and the holders.
     */
    List<ManagedThread> lockWaitsFor(ManagedThread thread) {
        List<ManagedThread> result = new ArrayList<>(queuedAhead(thread));
        for (LockHolds.Hold hold : lockHolds.heldByOthers(thread.waits.lockRequest.lock(), thread)) {
            if (!result.contains(hold.thread)) {
                result.add(hold.thread);
            }
        }
        return result;
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
    static boolean isIdlePoolWorker(ManagedThread thread) {
        for (StackTraceElement frame : thread.thread.getStackTrace()) {
            if (frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                    && frame.getMethodName().equals("getTask")) {
                return true;
            }
        }
        return false;
    }

    /** The first cycle of waiting among {@code stuck}, as {@code thread 0 -> thread 2 -> thread 1 -> thread 0}. */
    private String cycle(List<ManagedThread> stuck) {
        for (ManagedThread start : stuck) {
            List<ManagedThread> path = new ArrayList<>();
            if (closesCycle(start, start, path)) {
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
    private boolean closesCycle(ManagedThread start, ManagedThread at, List<ManagedThread> path) {
        path.add(at);
        for (ManagedThread next : at.waits.blocker.waitsFor(this, at)) {
            if (next == start || (!path.contains(next) && closesCycle(start, next, path))) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}
