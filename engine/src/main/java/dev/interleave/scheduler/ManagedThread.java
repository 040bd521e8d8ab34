package dev.interleave.scheduler;

import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import dev.interleave.bridge.AccessKind;
import dev.interleave.bridge.Bridge;
import dev.interleave.bridge.Sites;
import dev.interleave.bridge.SocketIo;
import dev.interleave.bridge.ThreadEvents;
import dev.interleave.instrumentation.InstrumentationScope;

/**
 * One thread under the scheduler: its small deterministic id, the operation it performs next, and what it waits
 * for ({@link #waits}, which {@link BlockingModel} owns). Implements the bridge's events by turning each into a
 * scheduling point of its {@link Scheduler}.
 *
 * <p>Fields are only touched by the thread that currently runs (exactly one at a time); the hand-off through the
 * scheduler's volatile {@code current} publishes them to the next. The watchdog on the engine's thread reads only
 * the volatile {@link #parked}, {@link #finished}, {@link #realWaitMonitor} and {@link #outsideIo}, and the
 * {@link Thread} itself.
 */
final class ManagedThread implements ThreadEvents {

    final int id;
    final Thread thread;
    private final Scheduler scheduler;

    /** What this thread waits for, as the blocking model sees it. */
    final WaitState waits = new WaitState();
    private List<LockHolds.Hold> suspendedHolds;
    /**
     * Set while this thread waits for its turn with an interrupt the wait took from it (a thread cannot block with
     * its flag set): others must still see it interrupted, as they would in the JVM.
     */
    volatile boolean heldInterrupt;
    private final Set<Thread> deferredInterrupts = new LinkedHashSet<>();
    int lastSite;
    /** Set while this thread makes a real blocking call that only the outside of the test can end, for the watchdog. */
    volatile String outsideIo;

    /** What the operation this thread performs next touches (see {@link Operations}): strategies compare them. */
    Object opTarget;
    long opLocation;
    int opFlags;

    volatile boolean finished;
    volatile boolean parked;  // at its gate or in its real wait: not running code of its own
    volatile Object realWaitMonitor; // set while parked in the monitor's real wait()
    private int runDepth;
    private int unmodelledLocks;
    /** The monitor a call site just decided to take, which the synchronized method it calls takes on entry. */
    private Object decidedMonitor;
    /** The monitors this thread took in the JVM in rewritten code, innermost last. */
    private final List<Object> jvmMonitors = new ArrayList<>();
    private final CallContext context = new CallContext();
    /** Set while the framework's own code runs on this thread: its hooks are not the test's. */
    private boolean inScheduler;
    private int frameworkCalls;
    private boolean inSchedulerOutsideFramework;

    ManagedThread(int id, Thread thread, Scheduler scheduler) {
        this.id = id;
        this.thread = thread;
        this.scheduler = scheduler;
        announce(thread, Operations.STARTED, Operations.ACQUIRE); // its first step: it begins, once started
    }

    /** The operation this thread performs next, or the step it records next, touches {@code target} there. */
    void announce(Object target, long location, int flags) {
        opTarget = target;
        opLocation = location;
        opFlags = flags;
    }

    /**
     * Inside a synchronized method of an explored JDK class, or inside a call into the JDK's libraries: the scheduler
     * must not switch away from this thread while it can run.
     */
    boolean holdsUnmodelledLock() {
        return unmodelledLocks > 0 || !context.preemptible();
    }

    /**
     * Marks the framework's own code as running on this thread; returns whether it was already, for
     * {@link #leaveScheduler}. Nested calls (a hook reached from the scheduler's own use of the JDK) see it set.
     */
    private boolean enterScheduler() {
        boolean outer = inScheduler;
        inScheduler = true;
        return outer;
    }

    private void leaveScheduler(boolean outer) {
        inScheduler = outer;
    }

    // ---- the bridge's events --------------------------------------------------------------------------------

    @Override
    public void access(AccessKind kind, Object target, int index, int site) {
        if (inScheduler) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            decidedMonitor = null; // a call decided before reached no synchronized method (an override)
            announce(target, Operations.access(site, index), kind.isWrite() ? Operations.WRITE : Operations.READ);
            scheduler.point(this, Blocker.NONE, site);
            scheduler.record(this, OpKind.ACCESS, kind, site, target, index, null);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void synchronizedCall(Object monitor, int site) {
        if (inScheduler) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            decidedMonitor = null;
            announce(monitor, Operations.MONITOR, Operations.ACQUIRE);
            scheduler.point(this, new Blocker.MonitorEntry(monitor), site);
            scheduler.record(this, OpKind.LOCK, null, site, monitor, -1, synchronizedMethod(site));
            decidedMonitor = monitor;
        } finally {
            leaveScheduler(outer);
        }
    }

    /** What a call site of a synchronized method says of it: {@code synchronized withdraw}. */
    private static String synchronizedMethod(int site) {
        String description = Sites.get(site).description();
        int open = description.indexOf('(');
        int close = description.lastIndexOf(')');
        return open < 0 || close < open ? null : description.substring(open + 1, close);
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        if (inScheduler) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            decidedMonitor = null;
            announce(monitor, Operations.MONITOR, Operations.ACQUIRE);
            scheduler.point(this, new Blocker.MonitorEntry(monitor), site);
            scheduler.monitors().enter(monitor, this, site);
            jvmMonitors.add(monitor); // taken by the JVM right after this returns, before any other hook
            scheduler.record(this, OpKind.LOCK, null, site, monitor, -1, null);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void monitorExit(Object monitor, int site) {
        if (inScheduler || scheduler.isAborted()) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            forgetJvmMonitor(monitor);
            scheduler.monitors().exit(monitor, this);
            announce(monitor, Operations.MONITOR, Operations.RELEASE);
            scheduler.record(this, OpKind.UNLOCK, null, site, monitor, -1, null);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void synchronizedMethodEnter(Object monitor, int site) {
        if (inScheduler || scheduler.isAborted()) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            unmodelledLocks++;
            scheduler.monitors().enter(monitor, this, site);
            announce(monitor, Operations.MONITOR, Operations.ACQUIRE);
            scheduler.record(this, OpKind.LOCK_TAKEN, null, site, monitor, -1, null);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void synchronizedMethodExit(Object monitor, int site) {
        if (inScheduler || scheduler.isAborted()) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            unmodelledLocks--;
            scheduler.monitors().exit(monitor, this);
            announce(monitor, Operations.MONITOR, Operations.RELEASE);
            scheduler.record(this, OpKind.UNLOCK, null, site, monitor, -1, null);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void methodLockEnter(Object monitor, int site) {
        if (inScheduler || scheduler.isAborted()) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            jvmMonitors.add(monitor);
            if (decidedMonitor == monitor && scheduler.monitors().isFreeFor(monitor, this)) {
                decidedMonitor = null;
                scheduler.monitors().enter(monitor, this, site);
                return;
            }
            // No rewritten call site decided (a method reference, an interface call, reflection, the JDK): the JVM
            // took the lock, as no other thread held it for real, but one the scheduler switched away from may hold
            // it in the model; then this thread waits, in the monitor, which lets it go meanwhile
            decidedMonitor = null;
            announce(monitor, Operations.MONITOR, Operations.ACQUIRE);
            scheduler.point(this, new Blocker.MonitorEntry(monitor), site);
            scheduler.monitors().enter(monitor, this, site);
            scheduler.record(this, OpKind.LOCK, null, site, monitor, -1, synchronizedMethod(site));
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void methodLockExit(Object monitor, int site) {
        if (inScheduler || scheduler.isAborted()) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            forgetJvmMonitor(monitor);
            scheduler.monitors().exit(monitor, this);
            announce(monitor, Operations.MONITOR, Operations.RELEASE);
            scheduler.record(this, OpKind.UNLOCK, null, site, monitor, -1, null);
        } finally {
            leaveScheduler(outer);
        }
    }

    private void forgetJvmMonitor(Object monitor) {
        for (int i = jvmMonitors.size() - 1; i >= 0; i--) {
            if (jvmMonitors.get(i) == monitor) {
                jvmMonitors.remove(i);
                return;
            }
        }
    }

    /**
     * The innermost monitor this thread holds in the JVM through the rewritten code (a synchronized method or block)
     * that only rewritten code takes, or null: a thread the scheduler switches away from waits for its turn in it, so
     * that the JVM lets it go meanwhile, and a thread entering a synchronized method from code that is not rewritten
     * never blocks in the JVM on it (its entry then waits in the model). The monitors further out stay taken.
     */
    Object parkingMonitor() {
        for (int i = jvmMonitors.size() - 1; i >= 0; i--) {
            Object monitor = jvmMonitors.get(i);
            if (onlyRewrittenCodeLocks(monitor) && Thread.holdsLock(monitor)) {
                return monitor;
            }
        }
        return null;
    }

    /**
     * Whether every {@code synchronized} on {@code monitor} reports to the scheduler: a plain {@code Object}, or an
     * instance (or the class) of an application class. The JDK's own locks ({@code StringBuffer}'s, a synchronized
     * list's) are taken unseen: let go meanwhile, the JDK would take them while the model says another thread holds
     * them.
     */
    private static boolean onlyRewrittenCodeLocks(Object monitor) {
        Class<?> type = monitor instanceof Class ? (Class<?>) monitor : monitor.getClass();
        return type == Object.class
                || type.getClassLoader() != null && InstrumentationScope.isInstrumented(type);
    }

    @Override
    public void await(Object monitor, long timeoutNanos, int site) throws InterruptedException {
        boolean outer = enterScheduler();
        try {
            announce(monitor, Operations.MONITOR, Operations.RELEASE); // wait() lets the monitor go
            scheduler.point(this, Blocker.NONE, site);
            if (scheduler.monitors().owner(monitor) != this && !Thread.holdsLock(monitor)) {
                throw new IllegalMonitorStateException("current thread is not owner");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            int holds = scheduler.monitors().releaseAll(monitor, this);
            BlockingModel blocking = scheduler.blocking();
            blocking.clearInterrupt(this);
            long order = blocking.nextOrder();
            long deadline = timeoutNanos < 0 ? Blocker.NO_DEADLINE : scheduler.deadlineAfter(timeoutNanos);
            scheduler.record(this, OpKind.WAIT, null, site, monitor, -1, timeoutNanos < 0 ? null : "timed");
            boolean spurious = blocking.wakesSpuriously(this, site);
            announce(monitor, Operations.MONITOR, Operations.ACQUIRE); // and takes it back when it wakes
            Blocker.WaitReturn ended = (Blocker.WaitReturn) scheduler.waitInMonitor(this,
                    new Blocker.WaitReturn(monitor, deadline, order, false, false, spurious), monitor, site);
            scheduler.monitors().restore(monitor, this, holds, site);
            if (ended.notified()) {
                blocking.wokenByAnother(this);
                scheduler.record(this, OpKind.WAKE, null, site, monitor, -1, "notified");
            } else if (ended.spurious() && !waits.interruptRequested && !ended.timedOut()) {
                scheduler.record(this, OpKind.WAKE, null, site, monitor, -1, "woke spuriously");
            } else if (blocking.takeInterrupt(this)) {
                blocking.wokenByAnother(this);
                Thread.interrupted();
                scheduler.record(this, OpKind.WAKE, null, site, monitor, -1, "interrupted");
                throw new InterruptedException();
            } else {
                scheduler.record(this, OpKind.WAKE, null, site, monitor, -1, "timed out");
            }
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void notify(Object monitor, boolean all, int site) {
        boolean outer = enterScheduler();
        try {
            announce(monitor, Operations.MONITOR, Operations.RELEASE); // it lets waiters go on
            scheduler.point(this, Blocker.NONE, site);
            if (scheduler.monitors().owner(monitor) != this && !Thread.holdsLock(monitor)) {
                throw new IllegalMonitorStateException("current thread is not owner");
            }
            scheduler.notifyWaiters(this, monitor, all, site);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public boolean join(Thread other, long timeoutNanos, int site) throws InterruptedException {
        ManagedThread target = scheduler.managed(other);
        if (target == null) {
            return joinUnmanaged(other, timeoutNanos);
        }
        boolean outer = enterScheduler();
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            BlockingModel blocking = scheduler.blocking();
            blocking.clearInterrupt(this);
            long deadline = timeoutNanos < 0 ? Blocker.NO_DEADLINE : scheduler.deadlineAfter(timeoutNanos);
            announce(target.thread, Operations.ENDED, Operations.ACQUIRE); // it returns once the thread ended
            scheduler.point(this, new Blocker.Join(target, deadline, false), site);
            if (scheduler.isAborted()) {
                return joinUnmanaged(other, timeoutNanos); // set aside inside a static initializer
            }
            if (target.finished) {
                scheduler.record(this, OpKind.JOIN, null, site, null, -1, "thread " + target.id + " ended");
                // It has left run(); only the JVM's own exit work is left. Waiting for it keeps join()'s promise:
                // afterwards the thread is TERMINATED, for getState() and for JDK code that asks isAlive().
                target.thread.join();
                return true;
            }
            if (blocking.takeInterrupt(this)) {
                Thread.interrupted();
                scheduler.record(this, OpKind.JOIN, null, site, null, -1, "interrupted");
                throw new InterruptedException();
            }
            scheduler.record(this, OpKind.JOIN, null, site, null, -1, "timed out waiting for thread " + target.id);
            return false;
        } finally {
            leaveScheduler(outer);
        }
    }

    private static boolean joinUnmanaged(Thread other, long timeoutNanos) throws InterruptedException {
        if (timeoutNanos < 0) {
            other.join();
        } else {
            other.join(timeoutNanos / 1_000_000, (int) (timeoutNanos % 1_000_000));
        }
        return !other.isAlive();
    }

    @Override
    public void sleep(long nanos, int site) throws InterruptedException {
        boolean outer = enterScheduler();
        try {
            long wakeUp = scheduler.deadlineAfter(nanos);
            announce(Operations.CLOCK, Operations.OWN, Operations.WRITE | Operations.YIELDS);
            scheduler.point(this, Blocker.NONE, site);
            scheduler.advanceClockTo(wakeUp);
            scheduler.record(this, OpKind.SLEEP, null, site, null, -1, null);
            if (Thread.interrupted()) {
                throw new InterruptedException("sleep interrupted");
            }
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void yield(int site) {
        yieldPoint(site, thread, Operations.OWN, Operations.READ | Operations.YIELDS);
    }

    /** A scheduling point with nothing to do but let the strategy choose, before an operation that touches {@code target}. */
    private void yieldPoint(int site, Object target, long location, int flags) {
        boolean outer = enterScheduler();
        try {
            announce(target, location, flags);
            scheduler.point(this, Blocker.NONE, site);
            scheduler.record(this, OpKind.YIELD, null, site, null, -1, null);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void libraryCall(Object receiver, int site) {
        if (inScheduler) {
            return;
        }
        libraryCallPoint(receiver, site);
        context.call(site, true, false);
    }

    @Override
    public void directCall(Object receiver, int site) {
        if (inScheduler) {
            return;
        }
        libraryCallPoint(receiver, site);
        context.call(site, true, true);
    }

    /** The scheduling point before a call into the JDK, touching what its receiver says the call may touch. */
    private void libraryCallPoint(Object receiver, int site) {
        switch (LibraryCalls.reach(receiver)) {
            case INSIDE:
                // a change of nothing but this thread's own state: independent of every other thread's steps, and
                // not a read that a spin loop repeats (the call's own steps say what it reads)
                yieldPoint(site, thread, Operations.OWN, Operations.WRITE);
                break;
            case OWN_STATE:
                yieldPoint(site, LibraryCalls.state(receiver), Operations.OBJECT, Operations.WRITE);
                break;
            default:
                yieldPoint(site, null, 0, Operations.GLOBAL);
                break;
        }
    }

    @Override
    public void opaqueLibraryCall(int site) {
        if (inScheduler) {
            return;
        }
        yieldPoint(site, null, 0, Operations.GLOBAL);
        context.call(site, false, false);
    }

    @Override
    public void quietCall() {
        if (!inScheduler) {
            context.call(Sites.UNKNOWN, false, false);
        }
    }

    @Override
    public void libraryReturn() {
        if (inScheduler) {
            return;
        }
        context.callReturned();
        if (context.preemptible() && !deferredInterrupts.isEmpty()) {
            boolean outer = enterScheduler();
            try {
                applyDeferredInterrupts();
            } finally {
                leaveScheduler(outer);
            }
        }
    }

    @Override
    public void libraryReturned(boolean returned, int site) {
        if (!inScheduler) {
            scheduler.returned(this, site, returned);
        }
    }

    @Override
    public void framework(boolean entering) {
        if (entering) {
            if (frameworkCalls++ == 0) {
                inSchedulerOutsideFramework = inScheduler;
                inScheduler = true;
            }
        } else if (frameworkCalls > 0 && --frameworkCalls == 0) {
            inScheduler = inSchedulerOutsideFramework;
        }
    }

    @Override
    public int frameState() {
        return context.frameState();
    }

    @Override
    public void restoreFrame(int state) {
        if (!inScheduler) {
            context.restoreFrame(state);
        }
    }

    @Override
    public void initializing(Class<?> type, int site) {
        if (inScheduler) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            if (!scheduler.blocking().classInits().isInitialized(type) && ClassInitializers.of(type).modelled) {
                initialize(type, site);
            }
        } finally {
            leaveScheduler(outer);
        }
    }

    /**
     * The JVM's initialization of {@code type} as the model has it: the thread takes the class's initialization lock
     * (waiting while another thread holds it), touches in turn the modelled classes the initializer touches, and
     * lets the lock go. The initializer itself runs in the JVM after that, once per JVM, as one step.
     */
    private void initialize(Class<?> type, int site) {
        ClassInitLocks inits = scheduler.blocking().classInits();
        if (inits.isInitialized(type) || inits.holder(type) == this) {
            return; // as in the JVM, the thread that initializes a class may use it meanwhile
        }
        announce(type, Operations.MONITOR, Operations.ACQUIRE);
        scheduler.point(this, new Blocker.ClassInit(type), site);
        if (scheduler.isAborted() || inits.isInitialized(type)) {
            return; // set aside inside an initializer, or initialized by the thread it waited for
        }
        inits.begin(type, this);
        String name = type.getSimpleName();
        scheduler.record(this, OpKind.CLASS_INIT, null, site, null, -1, "initializes class " + name);
        ClassInitializers.Initializer initializer = ClassInitializers.of(type);
        List<Class<?>> touched = initializer.touched();
        for (int i = 0; i < touched.size(); i++) {
            initialize(touched.get(i), initializer.site(i));
        }
        inits.end(type);
        announce(type, Operations.MONITOR, Operations.RELEASE);
        scheduler.record(this, OpKind.CLASS_INIT, null, site, null, -1, "class " + name + " initialized");
    }

    @Override
    public void enterInitializer() {
        if (!inScheduler) {
            context.enterInitializer();
        }
    }

    @Override
    public void exitInitializer() {
        if (!inScheduler) {
            context.exitInitializer();
            boolean outer = enterScheduler();
            try {
                scheduler.classInitialized();
            } finally {
                leaveScheduler(outer);
            }
        }
    }

    /** The framework is about to call test code (a lifecycle method, the test method): it starts afresh. */
    void enterTestCode() {
        context.reset();
    }

    @Override
    public int enterExplored() {
        if (inScheduler) {
            return 0; // the framework's own use of the JDK: a frame no test manages
        }
        boolean outer = enterScheduler();
        try {
            return context.enterExplored();
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void exitExplored(int frame) {
        if (!inScheduler) {
            context.exitExplored(frame);
        }
    }

    @Override
    public void restoreExplored(int frame) {
        if (!inScheduler) {
            context.restoreExplored(frame);
        }
    }

    @Override
    public void opaqueCall(int frame) {
        if (!inScheduler) {
            context.opaqueCall(frame);
        }
    }

    @Override
    public void opaqueReturn(int frame) {
        if (!inScheduler) {
            context.opaqueReturned(frame);
        }
    }

    @Override
    public void callback(int site, int frame) {
        if (!inScheduler) {
            context.callback(site, frame);
        }
    }

    @Override
    public void callbackReturn(int frame) {
        if (!inScheduler) {
            context.callbackReturned(frame);
        }
    }

    @Override
    public void interrupt(Thread other, int site) {
        boolean outer = enterScheduler();
        try {
            modelInterrupt(other, site);
            other.interrupt();
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void interrupting(Thread other) {
        if (inScheduler) {
            return; // this thread's own interrupt(), or the scheduler's
        }
        if (!context.preemptible()) {
            // The JDK may interrupt threads in the order of a hash set (a pool's workers), which identity hashes
            // decide: the model takes them when the call returns, in the order of the threads' ids.
            deferredInterrupts.add(other);
            return;
        }
        boolean outer = enterScheduler();
        try {
            modelInterrupt(other, lastSite);
        } finally {
            leaveScheduler(outer);
        }
    }

    /** Models the interrupts that JDK code made during a call that has returned; see {@link #interrupting}. */
    void applyDeferredInterrupts() {
        if (deferredInterrupts.isEmpty() || !context.preemptible()) {
            return;
        }
        List<Thread> targets = new ArrayList<>(deferredInterrupts);
        deferredInterrupts.clear();
        targets.sort(Comparator.comparingInt(target -> {
            ManagedThread managed = scheduler.managed(target);
            return managed == null ? Integer.MAX_VALUE : managed.id;
        }));
        for (Thread target : targets) {
            modelInterrupt(target, lastSite);
        }
    }

    @Override
    public boolean isInterrupted(Thread other, boolean flag) {
        if (flag) {
            return true;
        }
        boolean outer = enterScheduler();
        try {
            ManagedThread target = scheduler.managed(other);
            return target != null && target.heldInterrupt;
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void lockRequested(Object lock, boolean shared) {
        scheduler.blocking().lockRequested(this, lock, shared);
    }

    @Override
    public void lockAcquired(Object lock, boolean shared, boolean acquired) {
        scheduler.blocking().lockRequestEnded(this);
        if (acquired) {
            boolean outer = enterScheduler();
            try {
                scheduler.lockHolds().acquired(lock, this, shared, lastSite);
            } finally {
                leaveScheduler(outer);
            }
        }
    }

    @Override
    public void lockReleased(Object lock, boolean shared) {
        boolean outer = enterScheduler();
        try {
            scheduler.lockHolds().released(lock, this, shared);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void lockSuspended(Object lock) {
        boolean outer = enterScheduler();
        try {
            suspendedHolds = scheduler.lockHolds().suspend(lock, this);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void lockResumed(Object lock) {
        if (suspendedHolds != null) {
            boolean outer = enterScheduler();
            try {
                scheduler.lockHolds().resume(lock, suspendedHolds);
                suspendedHolds = null;
            } finally {
                leaveScheduler(outer);
            }
        }
    }

    @Override
    public void handingOff(Object executor) {
        if (inScheduler) {
            return;
        }
        String pool = executor instanceof ForkJoinPool
                ? (executor == ForkJoinPool.commonPool() ? "ForkJoinPool.commonPool()" : "a ForkJoinPool")
                : executor.getClass().getName() + ".fork() or invoke(), which run on ForkJoinPool.commonPool()";
        scheduler.failOnUnmanagedThread(this, "handed a task to " + pool + ", whose threads Interleave does not"
                + " manage: the task would run outside the schedule, and a wait for it would never end under the"
                + " scheduler. Give the test's tasks a ThreadPoolExecutor (Executors.newFixedThreadPool(n)), whose"
                + " workers are managed; CompletableFuture's ...Async methods are managed with such an executor or"
                + " with none (the common pool).");
        scheduler.checkNotAborted(); // returns only inside a static initializer, which runs on unscheduled
    }

    @Override
    public boolean handingOff(Object executor, Runnable task) {
        if (inScheduler || executor != ForkJoinPool.commonPool()
                || !(task instanceof CompletableFuture.AsynchronousCompletionTask)) {
            return false;
        }
        // What CompletableFuture's default executor does where the common pool has no parallelism (one or two
        // cores, JDK 17): a thread of its own for every task. The common pool's workers are the JVM's and outlive
        // the schedule; the schedule's thread ends with the task, on every machine alike.
        new Thread(task).start();
        return true;
    }

    @Override
    public boolean delaying(long delayNanos, Object executor, Runnable task) {
        if (inScheduler) {
            return false;
        }
        // The JDK's delay scheduler is one thread for the whole JVM, started by whoever delays first
        startDelayScheduler(new DelayedHandOff(delayNanos, (Executor) executor, task));
        return true;
    }

    @Override
    public boolean timingOut(Object future, long timeoutNanos, boolean complete, Object value) {
        if (inScheduler) {
            return false;
        }
        CompletableFuture<?> watched = (CompletableFuture<?>) future;
        if (!watched.isDone()) {
            startDelayScheduler(new TimeoutWatch(watched, timeoutNanos, complete, value));
        }
        return true;
    }

    /** A daemon thread of the schedule's in the place of the JDK's delay scheduler, which every caller shares. */
    private static void startDelayScheduler(Runnable task) {
        Thread delayer = new Thread(task, "CompletableFutureDelayScheduler");
        delayer.setDaemon(true);
        delayer.start();
    }

    private void modelInterrupt(Thread other, int site) {
        announce(other, Operations.ENDED, Operations.RELEASE | Operations.GLOBAL); // it may end any wait
        scheduler.point(this, Blocker.NONE, site);
        ManagedThread target = scheduler.managed(other);
        scheduler.blocking().interrupt(target);
        scheduler.record(this, OpKind.INTERRUPT, null, site, null, -1,
                target == null ? "an unmanaged thread" : "thread " + target.id);
    }

    @Override
    public boolean park(Object blocker, long timeoutNanos) {
        if (inScheduler) {
            return false; // the scheduler's own gate
        }
        boolean outer = enterScheduler();
        try {
            if (Thread.currentThread().isInterrupted()) {
                return true; // park returns at once for an interrupted thread, and leaves the flag set
            }
            BlockingModel blocking = scheduler.blocking();
            blocking.clearInterrupt(this);
            long deadline = timeoutNanos < 0 ? Blocker.NO_DEADLINE : scheduler.deadlineAfter(timeoutNanos);
            boolean timedOut = false;
            if (!waits.permit && scheduler.timesOutEarly(this, timeoutNanos)) {
                timedOut = true;
                scheduler.advanceClockTo(deadline);
            }
            announce(thread, Operations.PERMIT, Operations.ACQUIRE);
            // only a park the application asked for itself: the JDK's own parks wait in loops that expect it
            boolean spurious = !waits.permit && Sites.get(lastSite).description().contains("LockSupport.park")
                    && blocking.wakesSpuriously(this, lastSite);
            Blocker.Park ended = (Blocker.Park) scheduler.point(this,
                    new Blocker.Park(blocker, deadline, timedOut, spurious), lastSite);
            String why = waits.permit ? "unparked" : waits.interruptRequested ? "interrupted"
                    : ended.spurious() && !ended.timedOut() ? "woke spuriously" : "timed out";
            if (waits.permit || waits.interruptRequested) {
                blocking.wokenByAnother(this);
            }
            blocking.permitUsed(this);
            scheduler.record(this, OpKind.PARK, null, lastSite, blocker, -1, why);
            return true;
        } finally {
            leaveScheduler(outer);
        }
    }

    // ---- blocking I/O ------------------------------------------------------------------------------------------

    @Override
    public int ioAwait(int call, Object target, long timeoutNanos) {
        if (inScheduler) {
            return SocketIo.PROCEED;
        }
        int site = IoSites.of(call == SocketIo.ACCEPT ? "accept" : call == SocketIo.READ ? "read"
                : call == SocketIo.WRITE ? "write" : call == SocketIo.RECEIVE ? "receive" : "select");
        if (call == SocketIo.RECEIVE) {
            scheduler.io().datagramSocket(target);
        }
        boolean outer = enterScheduler();
        try {
            boolean closedBefore = IoModel.isClosed(target);
            long deadline = timeoutNanos < 0 ? Blocker.NO_DEADLINE : scheduler.deadlineAfter(timeoutNanos);
            // what ends the wait is another thread's connect, write, close or wakeup, none of them a step of its own
            announce(target, Operations.OBJECT, Operations.WRITE | Operations.GLOBAL);
            Blocker.Io ended = (Blocker.Io) scheduler.point(this,
                    new Blocker.Io(call, target, deadline, false, false), site);
            boolean ready = scheduler.io().ready(call, target);
            int result;
            String why;
            if (ready) {
                boolean closed = IoModel.isClosed(target);
                result = closed && !closedBefore && call == SocketIo.SELECT ? SocketIo.CLOSED_WHILE_WAITING
                        : SocketIo.PROCEED;
                if (call == SocketIo.RECEIVE && !closed) {
                    scheduler.io().datagramReceived(target);
                    result = SocketIo.TAKEN;
                }
                why = closed ? (closedBefore ? "closed already" : "closed by another thread")
                        : call == SocketIo.ACCEPT ? "a connection came"
                        : call == SocketIo.READ ? "data or the end of the stream came"
                        : call == SocketIo.WRITE ? "the peer read"
                        : call == SocketIo.RECEIVE ? "a datagram came" : "selected";
            } else if (ended.timedOut()) {
                result = SocketIo.TIMED_OUT;
                why = "timed out";
            } else {
                result = SocketIo.PROCEED;
                why = "left to the outside of the test: no thread of the test can end it";
            }
            scheduler.record(this, OpKind.IO, null, site, target, -1, why);
            if (!ready && !ended.timedOut()) {
                outsideIo = IoModel.describe(call, target, String.valueOf(target));
            }
            return result;
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void ioAction(Object target, String action) {
        if (inScheduler) {
            return;
        }
        int site = IoSites.of(action);
        boolean outer = enterScheduler();
        try {
            // it may let another thread's blocking call go on, which no step of that thread records
            announce(target, Operations.OBJECT, Operations.WRITE | Operations.GLOBAL);
            scheduler.point(this, Blocker.NONE, site);
            scheduler.record(this, OpKind.IO, null, site, target, -1, null);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void ioSettle(int call, Object target, long wanted) {
        if (inScheduler) {
            return;
        }
        boolean outer = enterScheduler();
        try {
            // the probes below go through hooked JDK code, which lets this thread through while it is in here
            KernelDelivery.await(call, target, wanted, scheduler.io());
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public long ioPending(Object endpoint) {
        return scheduler.io().pending(endpoint);
    }

    @Override
    public long ioRoom(Object endpoint) {
        return inScheduler ? Long.MAX_VALUE : scheduler.io().room(endpoint);
    }

    @Override
    public void ioConnected(Object endpoint) {
        if (!inScheduler) {
            scheduler.io().connected(endpoint, IoModel.ports(endpoint));
        }
    }

    @Override
    public void ioBound(Object server) {
        if (!inScheduler) {
            scheduler.io().bound(server, IoModel.ports(server));
        }
    }

    @Override
    public void ioAccepted(Object server, Object endpoint) {
        if (!inScheduler) {
            scheduler.io().accepted(server, endpoint, IoModel.ports(endpoint));
        }
    }

    @Override
    public void ioTransferred(Object endpoint, long count, boolean written) {
        if (!inScheduler) {
            scheduler.io().transferred(endpoint, count, written);
        }
    }

    @Override
    public void ioWakeup(Object selector) {
        if (!inScheduler) {
            scheduler.io().wakeup(selector);
        }
    }

    @Override
    public void ioSelected(Object selector) {
        if (!inScheduler) {
            scheduler.io().selected(selector);
        }
    }

    @Override
    public void ioDatagramSent(Object socket, int port) {
        if (!inScheduler) {
            scheduler.io().datagramSent(socket, port);
        }
    }

    @Override
    public void ioDatagramReceived(Object socket) {
        if (!inScheduler) {
            scheduler.io().datagramReceived(socket);
        }
    }

    @Override
    public void ioRegistered(Object key) {
        if (!inScheduler) {
            scheduler.io().registered(key);
        }
    }

    @Override
    public Object ioKeys(Set<SelectionKey> keys, int operation, Object key) {
        boolean outer = enterScheduler();
        try {
            // the JDK's hash set is walked as the framework's own use of the JDK: its buckets follow identity hashes
            return operation == SocketIo.KEYS_IN_ORDER ? scheduler.io().inRegistrationOrder(keys)
                    : SocketIo.onKeys(keys, operation, key);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public boolean unpark(Thread other) {
        if (inScheduler) {
            return false; // the scheduler handing the turn over
        }
        ManagedThread target = scheduler.managed(other);
        if (target == null) {
            return false;
        }
        boolean outer = enterScheduler();
        try {
            announce(other, Operations.PERMIT, Operations.RELEASE);
            scheduler.point(this, Blocker.NONE, lastSite);
            scheduler.blocking().unpark(target);
            scheduler.record(this, OpKind.UNPARK, null, lastSite, null, -1, "thread " + target.id);
            return true;
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public boolean isAlive(Thread other, int site) {
        ManagedThread target = scheduler.managed(other);
        if (target == null) {
            return other.isAlive();
        }
        boolean outer = enterScheduler();
        try {
            announce(other, Operations.ENDED, Operations.READ);
            scheduler.point(this, Blocker.NONE, site);
            scheduler.record(this, OpKind.IS_ALIVE, null, site, null, -1, "thread " + target.id);
            return !target.finished;
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public long nanoTime() {
        scheduler.hiddenStep(this, Operations.CLOCK);
        return context.preemptible() ? scheduler.clock().readNanos()
                : scheduler.clock().readNanos(VirtualClock.LIBRARY_READ_QUANTUM_NANOS);
    }

    @Override
    public long currentTimeMillis() {
        scheduler.hiddenStep(this, Operations.CLOCK);
        return scheduler.clock().readMillis();
    }

    @Override
    public int identityHashCode(Object object) {
        boolean outer = enterScheduler();
        try {
            if (!scheduler.identityHashes().numbered(object)) {
                scheduler.hiddenStep(this, Operations.IDENTITY_HASHES);
            }
            return scheduler.identityHashes().of(object);
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public void exitCalled(String call) {
        scheduler.checkNotAborted();
        scheduler.failOnExit(this, call);
        throw new ScheduleAbortedError();
    }

    @Override
    public ThreadEvents starting(Thread child) {
        if (inScheduler) {
            return null;
        }
        boolean outer = enterScheduler();
        try {
            return startingUnderScheduler(child);
        } finally {
            leaveScheduler(outer);
        }
    }

    private ThreadEvents startingUnderScheduler(Thread child) {
        if (scheduler.managed(child) != null || child.getState() != Thread.State.NEW) {
            return null; // a second start() fails in the JVM as it should
        }
        scheduler.checkNotAborted();
        if (child.getClass().getName().equals("java.lang.VirtualThread")) {
            scheduler.failOnUnmanagedThread(this, "started a virtual thread (" + child + "), which Interleave "
                    + "cannot schedule: its carrier threads belong to the JDK. In a @ConcurrencyTest, start platform "
                    + "threads instead: new Thread(...) or Thread.ofPlatform().start(...).");
            scheduler.checkNotAborted();
            return null;
        }
        List<String> jdkStarters = Starters.jdkStarters();
        Optional<String> taskRunner = Starters.taskRunner(jdkStarters);
        if (taskRunner.isPresent() && !Starters.isPoolWorker(jdkStarters)) {
            scheduler.failOnUnmanagedThread(this, "had a thread started by " + taskRunner.get() + " (through "
                    + String.join(" < ", jdkStarters) + "), which "
                    + "Interleave does not manage: the tasks it runs would escape the scheduler. Run the test's tasks "
                    + "on a ThreadPoolExecutor (Executors.newFixedThreadPool(n), or an explicit executor for "
                    + "CompletableFuture), whose workers are managed, or start threads with new Thread(...).");
            scheduler.checkNotAborted();
            return null; // inside a static initializer, which runs on unscheduled: the thread starts unmanaged
        }
        if (!jdkStarters.isEmpty() && taskRunner.isEmpty()) {
            scheduler.foreignThreadStarted();
            return new ForeignThread(scheduler, this, jdkStarters.get(0));
        }
        ManagedThread started = scheduler.register(child);
        announce(child, Operations.STARTED, Operations.RELEASE);
        scheduler.record(this, OpKind.START, null, Sites.UNKNOWN, null, -1, "thread " + started.id);
        return started;
    }

    @Override
    public boolean begin() {
        if (runDepth++ > 0) {
            return true;
        }
        boolean outer = enterScheduler();
        try {
            scheduler.awaitFirstTurn(this);
            scheduler.record(this, OpKind.BEGIN, null, Sites.UNKNOWN, null, -1, thread.getName());
            return true;
        } catch (ScheduleAbortedError abandoned) {
            return false; // before its first turn: it has done nothing, and must end without a word
        } finally {
            leaveScheduler(outer);
        }
    }

    @Override
    public Throwable end(Throwable uncaught) {
        if (--runDepth > 0) {
            return uncaught;
        }
        Throwable failure = uncaught;
        String handlerFailure = null;
        if (uncaught != null && id != 0 && !ScheduleAbortedError.isIn(uncaught)) {
            try {
                UncaughtHandlers.Outcome outcome = UncaughtHandlers.dispatch(thread, uncaught);
                failure = outcome.failure;
                handlerFailure = outcome.handlerFailure;
            } catch (ScheduleAbortedError aborted) {
                failure = aborted;
            }
        }
        Bridge.release();
        inScheduler = true;
        scheduler.threadEnded(this, failure, handlerFailure);
        return null; // a managed thread's exception is the test's failure, reported by the engine

    }

    @Override
    public String toString() {
        return ThreadLabel.of(id, thread.getName());
    }
}
