package dev.interleave.bridge;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The static entry points that instrumented bytecode calls. This class lives on the bootstrap class path so that
 * JDK classes can call it too; it must depend on nothing but {@code java.base}.
 *
 * <p>Every hook starts with the fast path: while no test runs, or for a thread that no test manages (the build
 * tool's, JUnit's, the JVM's), it returns at once, or performs the real operation it replaced.
 */
public final class Bridge {

    /** A frame of explored JDK code on a thread that a schedule manages; see {@link ThreadEvents#enterExplored()}. */
    public static final int FRAME_MANAGED = 1;
    /** A frame of explored JDK code whose shared accesses and monitors are scheduling points. */
    public static final int FRAME_LIVE = 2;

    private static final int SLOTS = 64;

    /**
     * How many schedulers run. Deliberately not volatile: the fast path reads it at every hook, and a volatile read
     * there is a barrier the JIT cannot optimize across, which doubled the cost of a tight loop over a map in code
     * no test runs. Staleness is harmless: a managed thread learns of its scheduler through the hand-off that starts
     * it (a volatile write and read, which orders this write before it); any other thread may see either value and
     * is unmanaged either way.
     */
    private static int activeSchedulers;
    /**
     * The thread each running scheduler lets run, by the scheduler's slot: while schedules run, a thread that is none
     * of them is told at once that no test manages it, without a thread-local lookup. Written by the thread that hands
     * the turn over, before the volatile write that hands it over, so the thread that gets it always finds itself;
     * anyone else may read stale values, which only sends it to the thread-local lookup, never past it.
     */
    private static final Thread[] RUNNERS = new Thread[SLOTS];
    private static final boolean[] TAKEN = new boolean[SLOTS];
    private static int slotLimit;
    /**
     * Schedulers whose threads must all reach their events whether they run or not: a schedule that unwinds its
     * threads, or one with threads that the JDK started on a managed thread's behalf. Ordered before the volatile
     * write that aborts a schedule, so that every unwinding thread sees it.
     */
    private static int wide;
    private static final ThreadLocal<ThreadEvents> CURRENT = new ThreadLocal<>();
    /** The events of a thread {@linkplain #setAsideInInitializer() set aside} while it finishes static initializers. */
    private static final ThreadLocal<ThreadEvents> ASIDE = new ThreadLocal<>();
    /** How many threads have events set aside: while none has, {@link #current()} never looks for them. */
    private static volatile int setAside;
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Map<Thread, ThreadEvents> EXPECTED = new IdentityHashMap<>();

    private Bridge() {
    }

    // ---- for the scheduler ----------------------------------------------------------------------------------

    /**
     * A scheduler starts exploring: hooks leave the fast path until the matching {@link #deactivate(int)}. Returns
     * the scheduler's slot, which names the thread it lets run ({@link #running}); -1 when every slot is taken, and
     * then the scheduler's threads always take the slow path.
     */
    public static synchronized int activate() {
        activeSchedulers++;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (!TAKEN[slot]) {
                TAKEN[slot] = true;
                slotLimit = Math.max(slotLimit, slot + 1);
                return slot;
            }
        }
        wide++;
        return -1;
    }

    public static synchronized void deactivate(int slot) {
        activeSchedulers--;
        if (slot < 0) {
            wide--;
            return;
        }
        RUNNERS[slot] = null;
        TAKEN[slot] = false;
        while (slotLimit > 0 && !TAKEN[slotLimit - 1]) {
            slotLimit--;
        }
    }

    /** The scheduler in {@code slot} lets {@code thread} run next; called before the hand-off's volatile write. */
    public static void running(int slot, Thread thread) {
        if (slot >= 0) {
            RUNNERS[slot] = thread;
        }
    }

    /**
     * Until the matching {@link #narrow()}, every thread bound to events reaches them, running or not: for a schedule
     * that unwinds, and one whose threads include some the JDK started.
     */
    public static synchronized void widen() {
        wide++;
    }

    public static synchronized void narrow() {
        wide--;
    }

    /** {@code thread} will be managed by {@code events} from the moment it enters {@code run()}. */
    private static void expect(Thread thread, ThreadEvents events) {
        synchronized (EXPECTED) {
            EXPECTED.put(thread, events);
        }
    }

    /** The calling thread is managed by {@code events} from now on, until it calls {@link #release()}. */
    public static void bind(ThreadEvents events) {
        CURRENT.set(events);
    }

    /** Drops an expectation that was never met (the thread was never started). */
    public static void forget(Thread thread) {
        synchronized (EXPECTED) {
            EXPECTED.remove(thread);
        }
    }

    /** The events of the calling thread, or null when no test manages it or it is not its turn. */
    public static ThreadEvents current() {
        if (activeSchedulers == 0) {
            return null;
        }
        if (wide == 0 && !isRunner(Thread.currentThread())) {
            return null;
        }
        ThreadEvents events = CURRENT.get();
        return events != null || setAside == 0 ? events : resumeAfterInitializers();
    }

    /**
     * The calling thread's schedule was abandoned while a static initializer runs on its stack: unwinding it there
     * would leave that class broken for the rest of the JVM ({@code NoClassDefFoundError: Could not initialize
     * class}), whether the application's or the JDK's. Instead its events are set aside, so that it runs its
     * initializers to their end as code no test manages, with the JVM's own locks, waits and parks; its first hook
     * outside every initializer binds them again, and unwinds it there. Returns false, and does nothing, when no
     * initializer runs on the stack.
     */
    public static boolean setAsideInInitializer() {
        ThreadEvents events = CURRENT.get();
        if (events == null || !insideInitializer()) {
            return false;
        }
        CURRENT.remove();
        ASIDE.set(events);
        synchronized (ASIDE) {
            setAside++;
        }
        return true;
    }

    private static ThreadEvents resumeAfterInitializers() {
        ThreadEvents events = ASIDE.get();
        if (events == null) {
            return null;
        }
        ASIDE.remove(); // the JDK code that walks the stack reaches hooks too: they find nothing set aside
        if (insideInitializer()) {
            ASIDE.set(events);
            return null;
        }
        synchronized (ASIDE) {
            setAside--;
        }
        CURRENT.set(events);
        return events;
    }

    private static boolean insideInitializer() {
        return WALKER.walk(frames -> frames.anyMatch(frame -> frame.getMethodName().equals("<clinit>")));
    }

    private static boolean isRunner(Thread self) {
        int limit = slotLimit;
        for (int slot = 0; slot < limit; slot++) {
            if (RUNNERS[slot] == self) {
                return true;
            }
        }
        return false;
    }

    // ---- shared accesses --------------------------------------------------------------------------------------

    public static void read(Object owner, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.access(AccessKind.READ, owner, -1, site);
        }
    }

    public static void write(Object owner, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.access(AccessKind.WRITE, owner, -1, site);
        }
    }

    public static void arrayRead(Object array, int index, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.access(AccessKind.ARRAY_READ, array, index, site);
        }
    }

    public static void arrayWrite(Object array, int index, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.access(AccessKind.ARRAY_WRITE, array, index, site);
        }
    }

    // ---- monitors ---------------------------------------------------------------------------------------------

    public static void monitorEnter(Object monitor, int site) {
        ThreadEvents events = current();
        if (events != null && monitor != null) {
            events.monitorEnter(monitor, site);
        }
    }

    public static void monitorExit(Object monitor, int site) {
        ThreadEvents events = current();
        if (events != null && monitor != null) {
            events.monitorExit(monitor, site);
        }
    }

    /** A rewritten caller is about to call a {@code synchronized} method whose lock is {@code monitor}. */
    public static void beforeSynchronizedCall(Object monitor, int site) {
        ThreadEvents events = current();
        if (events != null && monitor != null) {
            events.synchronizedCall(monitor, site);
        }
    }

    public static void methodLockEnter(Object monitor, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.methodLockEnter(monitor, site);
        }
    }

    public static void methodLockExit(Object monitor, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.methodLockExit(monitor, site);
        }
    }

    public static void synchronizedMethodEnter(Object monitor, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.synchronizedMethodEnter(monitor, site);
        }
    }

    public static void synchronizedMethodExit(Object monitor, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.synchronizedMethodExit(monitor, site);
        }
    }

    public static void waitOn(Object monitor, int site) throws InterruptedException {
        ThreadEvents events = current();
        if (events == null) {
            monitor.wait();
        } else {
            events.await(requireNonNull(monitor), -1, site);
        }
    }

    public static void waitOn(Object monitor, long millis, int site) throws InterruptedException {
        waitOn(monitor, millis, 0, site);
    }

    public static void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
        ThreadEvents events = current();
        if (events == null) {
            monitor.wait(millis, nanos);
        } else {
            long timeout = timeoutNanos(millis, nanos);
            events.await(requireNonNull(monitor), timeout == 0 ? -1 : timeout, site);
        }
    }

    public static void notifyOne(Object monitor, int site) {
        ThreadEvents events = current();
        if (events == null) {
            monitor.notify();
        } else {
            events.notify(requireNonNull(monitor), false, site);
        }
    }

    public static void notifyAll(Object monitor, int site) {
        ThreadEvents events = current();
        if (events == null) {
            monitor.notifyAll();
        } else {
            events.notify(requireNonNull(monitor), true, site);
        }
    }

    // ---- threads ----------------------------------------------------------------------------------------------

    public static void join(Thread thread, int site) throws InterruptedException {
        ThreadEvents events = current();
        if (events == null) {
            thread.join();
        } else {
            events.join(requireNonNull(thread), -1, site);
        }
    }

    public static void join(Thread thread, long millis, int site) throws InterruptedException {
        join(thread, millis, 0, site);
    }

    public static void join(Thread thread, long millis, int nanos, int site) throws InterruptedException {
        ThreadEvents events = current();
        if (events == null) {
            thread.join(millis, nanos);
        } else {
            long timeout = timeoutNanos(millis, nanos);
            events.join(requireNonNull(thread), timeout == 0 ? -1 : timeout, site);
        }
    }

    /** {@code Thread.join(Duration)} (JDK 19+), written against JDK 17's API. */
    public static boolean join(Thread thread, Duration duration, int site) throws InterruptedException {
        long nanos = Math.max(0, saturatedNanos(duration));
        ThreadEvents events = current();
        if (events == null) {
            if (thread.getState() == Thread.State.NEW) {
                throw new IllegalThreadStateException("Thread not started");
            }
            thread.join(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return !thread.isAlive();
        }
        return events.join(requireNonNull(thread), Math.max(1, nanos), site);
    }

    public static void sleep(long millis, int site) throws InterruptedException {
        sleep(millis, 0, site);
    }

    public static void sleep(long millis, int nanos, int site) throws InterruptedException {
        ThreadEvents events = current();
        if (events == null) {
            Thread.sleep(millis, nanos);
        } else {
            events.sleep(timeoutNanos(millis, nanos), site);
        }
    }

    /** {@code Thread.sleep(Duration)} (JDK 19+), written against JDK 17's API. */
    public static void sleep(Duration duration, int site) throws InterruptedException {
        long nanos = Math.max(0, saturatedNanos(duration));
        ThreadEvents events = current();
        if (events == null) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } else {
            events.sleep(nanos, site);
        }
    }

    public static void yield(int site) {
        ThreadEvents events = current();
        if (events == null) {
            Thread.yield();
        } else {
            events.yield(site);
        }
    }

    /**
     * Before a call from application code into the JDK's collections or {@code java.util.concurrent}, whose own
     * code runs without scheduling points: switching at the operations' boundaries explores the orders the
     * operations can take (for the concurrent classes, which are linearizable, all of them). A target that is an
     * explored class, called directly, is explored inside. {@code receiver} is the call's target, or null when
     * unknown.
     */
    public static void beforeLibraryCall(Object receiver, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.libraryCall(receiver, site);
        }
    }

    /** Before a call from application code into a concrete explored JDK class: a scheduling point. */
    public static void beforeDirectCall(Object receiver, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.directCall(receiver, site);
        }
    }

    /** Before a call from application code into the JDK's collections that is not explored: a scheduling point. */
    public static void beforeOpaqueLibraryCall(int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.opaqueLibraryCall(site);
        }
    }

    /** Before a call from application code into JDK code that holds a monitor while it calls back. */
    public static void beforeQuietCall() {
        ThreadEvents events = current();
        if (events != null) {
            events.quietCall();
        }
    }

    /** After a call announced by one of the {@code before...Call} methods returned normally. */
    public static void afterLibraryCall() {
        ThreadEvents events = current();
        if (events != null) {
            events.libraryReturn();
        }
    }

    /**
     * After a call announced by {@link #beforeLibraryCall}, {@link #beforeDirectCall} or
     * {@link #beforeOpaqueLibraryCall} at {@code site} returned {@code returned} normally.
     */
    public static void afterLibraryCall(boolean returned, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.libraryReturn();
            events.libraryReturned(returned, site);
        }
    }

    /** On entry to an application method with exception handlers: what {@link #restoreFrame} restores. */
    public static int frameState() {
        ThreadEvents events = current();
        return events == null ? 0 : events.frameState();
    }

    /** At the start of an exception handler of an application method. */
    public static void restoreFrame(int state) {
        ThreadEvents events = current();
        if (events != null) {
            events.restoreFrame(state);
        }
    }

    /**
     * Before application code executes an instruction that initializes {@code type} if it is not yet: a
     * {@code new}, a static field access or a static method call on another application class.
     */
    public static void beforeInitialization(Class<?> type, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.initializing(type, site);
        }
    }

    /** On entry to a class initializer, which runs under the JVM's initialization lock of its class. */
    public static void enterInitializer() {
        ThreadEvents events = current();
        if (events != null) {
            events.enterInitializer();
        }
    }

    public static void exitInitializer() {
        ThreadEvents events = current();
        if (events != null) {
            events.exitInitializer();
        }
    }

    /**
     * The framework's own code starts running on this thread in the middle of the test's (the agent transforming a
     * class the test's code is loading): its hooks are not the test's until the matching {@link #leaveFramework()}.
     */
    public static void enterFramework() {
        ThreadEvents events = current();
        if (events != null) {
            events.framework(true);
        }
    }

    public static void leaveFramework() {
        ThreadEvents events = current();
        if (events != null) {
            events.framework(false);
        }
    }

    // ---- explored JDK code: every hook takes its frame's state, so that it costs code no test runs a test ----------

    /**
     * On entry to a method of an explored JDK class: whether the current thread may need its hooks. When not, the
     * method runs the JDK's own body; this is all a thread no test manages pays there.
     */
    public static boolean explores() {
        return current() != null;
    }

    /** On entry to a method of an explored JDK class: the frame's state, which every hook of the frame is given. */
    public static int enterExplored() {
        ThreadEvents events = current();
        return events == null ? 0 : events.enterExplored();
    }

    /** On every way out of a method of an explored JDK class. */
    public static void exitExplored(int frame) {
        if ((frame & FRAME_MANAGED) != 0) {
            ThreadEvents events = current();
            if (events != null) {
                events.exitExplored(frame);
            }
        }
    }

    /** At the start of an exception handler of a method of an explored JDK class. */
    public static void restoreExplored(int frame) {
        if ((frame & FRAME_MANAGED) != 0) {
            ThreadEvents events = current();
            if (events != null) {
                events.restoreExplored(frame);
            }
        }
    }

    public static void jdkRead(Object owner, int site, int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            read(owner, site);
        }
    }

    public static void jdkWrite(Object owner, int site, int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            write(owner, site);
        }
    }

    public static void jdkArrayRead(Object array, int index, int site, int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            arrayRead(array, index, site);
        }
    }

    public static void jdkArrayWrite(Object array, int index, int site, int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            arrayWrite(array, index, site);
        }
    }

    public static void jdkMonitorEnter(Object monitor, int site, int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            monitorEnter(monitor, site);
        }
    }

    public static void jdkMonitorExit(Object monitor, int site, int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            monitorExit(monitor, site);
        }
    }

    public static void jdkSynchronizedMethodEnter(Object monitor, int site, int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            synchronizedMethodEnter(monitor, site);
        }
    }

    public static void jdkSynchronizedMethodExit(Object monitor, int site, int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            synchronizedMethodExit(monitor, site);
        }
    }

    /** Before explored code calls into an opaque JDK class, which runs as one step. */
    public static void beforeOpaqueCall(int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            ThreadEvents events = current();
            if (events != null) {
                events.opaqueCall(frame);
            }
        }
    }

    public static void afterOpaqueCall(int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            ThreadEvents events = current();
            if (events != null) {
                events.opaqueReturn(frame);
            }
        }
    }

    /** Before explored code calls through an interface or {@code Object}'s methods, which may reach test code. */
    public static void beforeCallback(int site, int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            ThreadEvents events = current();
            if (events != null) {
                events.callback(site, frame);
            }
        }
    }

    public static void afterCallback(int frame) {
        if ((frame & FRAME_LIVE) != 0) {
            ThreadEvents events = current();
            if (events != null) {
                events.callbackReturn(frame);
            }
        }
    }

    public static void onSpinWait(int site) {
        ThreadEvents events = current();
        if (events == null) {
            Thread.onSpinWait();
        } else {
            events.yield(site);
        }
    }

    public static void interrupt(Thread thread, int site) {
        ThreadEvents events = current();
        if (events != null) {
            events.interrupt(requireNonNull(thread), site);
        } else {
            thread.interrupt();
        }
    }

    // ---- ownership of java.util.concurrent locks, from advice in ReentrantLock and ReentrantReadWriteLock --------

    public static void lockRequested(Object lock, boolean shared) {
        ThreadEvents events = current();
        if (events != null) {
            events.lockRequested(lock, shared);
        }
    }

    public static void lockAcquired(Object lock, boolean shared, boolean acquired) {
        ThreadEvents events = current();
        if (events != null) {
            events.lockAcquired(lock, shared, acquired);
        }
    }

    public static void lockReleased(Object lock, boolean shared) {
        ThreadEvents events = current();
        if (events != null) {
            events.lockReleased(lock, shared);
        }
    }

    /** A condition of {@code lock} is awaited: the JDK lets go of every hold of the lock until the await returns. */
    public static void lockSuspended(Object lock) {
        ThreadEvents events = current();
        if (events != null) {
            events.lockSuspended(lock);
        }
    }

    public static void lockResumed(Object lock) {
        ThreadEvents events = current();
        if (events != null) {
            events.lockResumed(lock);
        }
    }

    /** Called when code hands a task to {@code executor}, a pool whose threads no test manages. */
    public static void handingOff(Object executor) {
        ThreadEvents events = current();
        if (events != null) {
            events.handingOff(executor);
        }
    }

    /**
     * Called on entry to {@code ForkJoinPool.execute(Runnable)}; returns true when the task was started elsewhere and
     * the pool's method must be skipped.
     */
    public static boolean handingOff(Object executor, Runnable task) {
        ThreadEvents events = current();
        if (events == null) {
            return false;
        }
        if (task != null && events.handingOff(executor, task)) {
            return true;
        }
        events.handingOff(executor);
        return false;
    }

    /**
     * Called on entry to the {@code execute} of {@code CompletableFuture.delayedExecutor(...)}'s executor; returns
     * true when the task was taken over and the JDK's method must be skipped.
     */
    public static boolean delaying(long delayNanos, Object executor, Runnable task) {
        ThreadEvents events = current();
        return events != null && task != null && events.delaying(delayNanos, executor, task);
    }

    /**
     * Called on entry to {@code CompletableFuture.orTimeout} and {@code completeOnTimeout}; returns true when the
     * timeout was taken over and the JDK's method must be skipped (it then returns the future, as the JDK's does).
     */
    public static boolean timingOut(Object future, long timeout, TimeUnit unit, boolean complete, Object value) {
        ThreadEvents events = current();
        return events != null && unit != null && events.timingOut(future, unit.toNanos(timeout), complete, value);
    }

    /** Called on exit from {@code Thread.isInterrupted()}, with what the JVM answered. */
    public static boolean isInterrupted(Thread thread, boolean flag) {
        ThreadEvents events = current();
        return events == null ? flag : events.isInterrupted(thread, flag);
    }

    /** Called on entry to {@code Thread.interrupt()}, wherever it is called from. */
    public static void interrupting(Thread thread) {
        ThreadEvents events = current();
        if (events != null) {
            events.interrupting(thread);
        }
    }

    public static boolean isAlive(Thread thread, int site) {
        ThreadEvents events = current();
        return events == null ? thread.isAlive() : events.isAlive(requireNonNull(thread), site);
    }

    // ---- time and identity hashes, in place of calls in application code ----------------------------------------

    /** {@code System.nanoTime()}: for a managed thread, the schedule's virtual clock, which every read moves on. */
    public static long nanoTime() {
        ThreadEvents events = current();
        return events == null ? System.nanoTime() : events.nanoTime();
    }

    /** {@code System.currentTimeMillis()}: for a managed thread, a fixed epoch plus the virtual clock. */
    public static long currentTimeMillis() {
        ThreadEvents events = current();
        return events == null ? System.currentTimeMillis() : events.currentTimeMillis();
    }

    // ---- ending the JVM, in place of calls in application code -------------------------------------------------

    /** {@code System.exit(status)}: a managed thread fails its test instead of ending the JVM. */
    public static void exit(int status) {
        exitCalled("System.exit(" + status + ")");
        System.exit(status);
    }

    /** {@code runtime.exit(status)}: a managed thread fails its test instead of ending the JVM. */
    public static void runtimeExit(Runtime runtime, int status) {
        exitCalled("Runtime.exit(" + status + ")");
        runtime.exit(status);
    }

    /** {@code runtime.halt(status)}: a managed thread fails its test instead of ending the JVM. */
    public static void runtimeHalt(Runtime runtime, int status) {
        exitCalled("Runtime.halt(" + status + ")");
        runtime.halt(status);
    }

    private static void exitCalled(String call) {
        ThreadEvents events = current();
        if (events != null) {
            events.exitCalled(call);
        }
    }

    /** {@code System.identityHashCode(object)}: for a managed thread, the schedule's number for the object. */
    public static int identityHashCode(Object object) {
        ThreadEvents events = current();
        return events == null || object == null ? System.identityHashCode(object) : events.identityHashCode(object);
    }

    /**
     * {@code object.hashCode()}, called virtually: the schedule's identity hash when the object's class inherits
     * the identity hash ({@code Object}'s or {@code Enum}'s), its own {@code hashCode()} otherwise.
     */
    public static int hashCodeOf(Object object) {
        ThreadEvents events = current();
        if (events == null || !IdentityMethod.HASH_CODE.isInheritedBy(object.getClass())) {
            return object.hashCode();
        }
        return events.identityHashCode(object);
    }

    /**
     * {@code object.toString()}, called virtually: {@code Object}'s text, built from {@link #hashCodeOf}, when the
     * object's class inherits it; its own {@code toString()} otherwise.
     */
    public static String toStringOf(Object object) {
        ThreadEvents events = current();
        if (events == null || !IdentityMethod.TO_STRING.isInheritedBy(object.getClass())) {
            return object.toString();
        }
        return objectText(object);
    }

    /** {@code super.hashCode()} where the superclass is {@code Object}: always the identity hash. */
    public static int objectHashCode(Object object) {
        ThreadEvents events = current();
        return events == null ? System.identityHashCode(requireNonNull(object))
                : events.identityHashCode(requireNonNull(object));
    }

    /** {@code super.toString()} where the superclass is {@code Object}. */
    public static String objectToString(Object object) {
        return objectText(requireNonNull(object));
    }

    /** What {@code Object.toString()} returns, which calls {@code hashCode()} virtually. */
    private static String objectText(Object object) {
        return object.getClass().getName() + "@" + Integer.toHexString(hashCodeOf(object));
    }

    // ---- LockSupport, called from advice in java.util.concurrent.locks.LockSupport: true skips the JDK's code -----

    public static boolean park(Object blocker) {
        ThreadEvents events = current();
        return events != null && events.park(blocker, -1);
    }

    public static boolean parkNanos(Object blocker, long nanos) {
        ThreadEvents events = current();
        if (events == null) {
            return false;
        }
        return nanos <= 0 || events.park(blocker, nanos); // a non-positive timeout returns at once, as in the JDK
    }

    public static boolean parkUntil(Object blocker, long deadlineMillis) {
        ThreadEvents events = current();
        if (events == null) {
            return false;
        }
        // The deadline was computed from the clock the managed thread sees, which is the virtual one.
        long nanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis - events.currentTimeMillis());
        return nanos <= 0 || events.park(blocker, nanos);
    }

    public static boolean unpark(Thread thread) {
        ThreadEvents events = current();
        return events != null && thread != null && events.unpark(thread);
    }

    // ---- thread life cycle, called from advice in java.lang.Thread and its subclasses --------------------------

    /** Called at the start of {@code Thread.start()}. */
    public static void threadStarting(Thread child) {
        ThreadEvents events = current();
        if (events != null) {
            ThreadEvents childEvents = events.starting(child);
            if (childEvents != null) {
                expect(child, childEvents);
            }
        }
    }

    /**
     * Called on entry to {@code run()} of a thread; returns true when the body must be skipped: the thread's schedule
     * was abandoned before its first turn, and it has nothing left to do but end.
     */
    public static boolean runEnter(Thread self) {
        if (activeSchedulers == 0 || self != Thread.currentThread()) {
            return false;
        }
        ThreadEvents events = CURRENT.get();
        if (events == null) {
            synchronized (EXPECTED) {
                events = EXPECTED.remove(self);
            }
            if (events == null) {
                return false;
            }
            CURRENT.set(events);
        }
        return !events.begin();
    }

    /** Called on exit from {@code run()}; returns the throwable to propagate, or null to swallow it. */
    public static Throwable runExit(Thread self, Throwable uncaught) {
        if (self != Thread.currentThread()) {
            return uncaught;
        }
        ThreadEvents events = CURRENT.get();
        if (events == null && setAside != 0) {
            events = resumeAfterInitializers();
        }
        if (events == null) {
            return uncaught;
        }
        return events.end(uncaught);
    }

    /** The thread has left its outermost {@code run()}: it is no longer managed. */
    public static void release() {
        CURRENT.remove();
        if (ASIDE.get() != null) {
            ASIDE.remove();
            synchronized (ASIDE) {
                setAside--;
            }
        }
    }

    // ---- argument checks shared by the managed and unmanaged paths ---------------------------------------------

    private static <T> T requireNonNull(T value) {
        if (value == null) {
            throw new NullPointerException();
        }
        return value;
    }

    private static long timeoutNanos(long millis, int nanos) {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999_999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        if (millis >= Long.MAX_VALUE / 1_000_000) {
            return Long.MAX_VALUE;
        }
        return TimeUnit.MILLISECONDS.toNanos(millis) + nanos;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
