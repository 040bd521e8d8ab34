package dev.interleave.bridge;

/**
 * The events of one managed thread, as the instrumented code reports them through {@link Bridge}.
 *
 * <p>The scheduler implements this once per managed thread. Every method is called on the thread it
 * describes, so an implementation never needs to look the thread up. Methods that stand for an
 * operation the JVM would block on ({@link #await}, {@link #join}, {@link #sleep}) perform that
 * operation's effect themselves: the bridge does not run the real call for a managed thread.
 */
public interface ThreadEvents {

    /** A read or write of a shared field or array element; {@code target} is null for a static field. */
    void access(AccessKind kind, Object target, int index, int site);

    /** About to execute {@code monitorenter} on {@code monitor}: the JVM has not acquired it yet. */
    void monitorEnter(Object monitor, int site);

    /** About to execute {@code monitorexit} on {@code monitor}. Never throws. */
    void monitorExit(Object monitor, int site);

    /**
     * About to call a {@code synchronized} method whose lock is {@code monitor}: the JVM has not acquired it yet. A
     * scheduling point; the {@link #methodLockEnter} that follows on the same monitor takes the lock.
     */
    void synchronizedCall(Object monitor, int site);

    /**
     * Entered a {@code synchronized} method of an application class: the JVM already holds {@code monitor}. After a
     * {@link #synchronizedCall} on it, the lock is the one the scheduler decided on; otherwise (a caller that is not
     * rewritten) this is the scheduling point, and the thread waits in the monitor while the model says another
     * thread holds it.
     */
    void methodLockEnter(Object monitor, int site);

    /** Leaving a method reported by {@link #methodLockEnter}. Never throws. */
    void methodLockExit(Object monitor, int site);

    /**
     * Entered a {@code synchronized} method of an explored JDK class: the JVM already holds {@code monitor}, so the
     * scheduler can only keep this thread running until {@link #synchronizedMethodExit}.
     */
    void synchronizedMethodEnter(Object monitor, int site);

    /** Leaving a method reported by {@link #synchronizedMethodEnter}. Never throws. */
    void synchronizedMethodExit(Object monitor, int site);

    /** {@code monitor.wait(...)}; {@code timeoutNanos < 0} means no timeout. */
    void await(Object monitor, long timeoutNanos, int site) throws InterruptedException;

    /** {@code monitor.notify()} or {@code monitor.notifyAll()}. */
    void notify(Object monitor, boolean all, int site);

    /** {@code thread.join(...)}; {@code timeoutNanos < 0} means no timeout. Returns whether the thread ended. */
    boolean join(Thread thread, long timeoutNanos, int site) throws InterruptedException;

    /** {@code Thread.sleep(...)}: costs virtual time, never wall time. */
    void sleep(long nanos, int site) throws InterruptedException;

    /** {@code Thread.yield()} or {@code Thread.onSpinWait()}. */
    void yield(int site);

    /**
     * About to call into the JDK's collections or {@code java.util.concurrent}: a scheduling point, after which the
     * call runs as one step until {@link #libraryReturn()}, even where it calls back into test code (the JDK may
     * hold locks of its own meanwhile, which the scheduler cannot see), unless its target is an explored JDK class
     * that this call reached directly ({@link #enterExplored()}). {@code receiver} is the call's target, or null
     * when unknown (a static call, or one whose target the rewritten code could not reach).
     */
    void libraryCall(Object receiver, int site);

    /** About to call a concrete explored JDK class from application code: a scheduling point. */
    void directCall(Object receiver, int site);

    /** About to call into the JDK's collections where the target is not explored: a scheduling point. */
    void opaqueLibraryCall(int site);

    /** About to call JDK code that holds a monitor while it calls back: the call runs as one step. */
    void quietCall();

    /** A call announced by {@link #libraryCall}, {@link #directCall}, {@link #opaqueLibraryCall} or {@link #quietCall} returned. */
    void libraryReturn();

    /**
     * The call announced at {@code site} returned the boolean {@code returned}, heard right after
     * {@link #libraryReturn()}: what a report may show of it.
     */
    default void libraryReturned(boolean returned, int site) {
    }

    /**
     * The framework's own code starts ({@code true}) or stops ({@code false}) running on this thread, in the middle of
     * the test's code: the agent transforms a class that the test's code is loading. Calls nest.
     */
    void framework(boolean entering);

    /** The state of this thread on entry to an application method with exception handlers. */
    int frameState();

    /** An exception handler of a method that was entered in {@code state} ({@link #frameState()}) starts. */
    void restoreFrame(int state);

    /**
     * About to execute an instruction that initializes {@code type}, an application class, unless it is initialized
     * already: the JVM takes the class's initialization lock there.
     */
    void initializing(Class<?> type, int site);

    /** A class initializer starts on this thread: it runs as one step. */
    void enterInitializer();

    /** The class initializer {@link #enterInitializer()} announced ends, normally or not. */
    void exitInitializer();

    /**
     * A method of an explored JDK class was entered. Returns the frame's state, which the frame's hooks are given:
     * {@link Bridge#FRAME_LIVE} when its shared accesses and monitors are scheduling points (it runs inside an
     * operation that application code called), and {@link Bridge#FRAME_MANAGED} always, so that the frame's
     * {@link #exitExplored} restores the thread's state.
     */
    int enterExplored();

    /** The frame {@link #enterExplored()} described is left, by a return or an exception. */
    void exitExplored(int frame);

    /** An exception handler of the explored frame starts. */
    void restoreExplored(int frame);

    /** A live explored frame calls an opaque JDK class: the call runs as one step. */
    void opaqueCall(int frame);

    /** The call {@link #opaqueCall} announced returned. */
    void opaqueReturn(int frame);

    /**
     * A live explored frame calls through an interface or one of {@code Object}'s methods at {@code site}: the target
     * may be test code, which is test code again, and the explored code it reaches is explored only when it was
     * called directly.
     */
    void callback(int site, int frame);

    /** The call {@link #callback} announced returned. */
    void callbackReturn(int frame);

    /** {@code thread.interrupt()} in application code: the model's and the real interrupt both. */
    void interrupt(Thread thread, int site);

    /**
     * {@code thread.interrupt()} called by code that is not rewritten (the JDK's: a thread pool's {@code shutdown()}
     * interrupts its idle workers); the real interrupt follows when this returns.
     */
    void interrupting(Thread thread);

    /**
     * {@code thread.isInterrupted()} asked by this thread, whose JVM flag is {@code flag}: a managed thread that waits
     * for its turn holds its interrupt aside, and must still look interrupted.
     */
    boolean isInterrupted(Thread thread, boolean flag);

    /**
     * This thread hands a task to {@code executor}, whose threads no test manages ({@code ForkJoinPool}, which runs
     * parallel streams and {@code CompletableFuture}'s default async tasks).
     */
    void handingOff(Object executor);

    /**
     * This thread hands {@code task} to {@code executor} through {@code Executor.execute}: a {@code ForkJoinPool}, the
     * common pool when {@code CompletableFuture} is given no executor. Returns true when the task was started on a
     * thread of the schedule's instead, and the pool must not get it.
     */
    boolean handingOff(Object executor, Runnable task);

    /**
     * {@code CompletableFuture.delayedExecutor(...)} is given {@code task}, to hand to {@code executor} after
     * {@code delayNanos}. Returns true when a thread of the schedule's took it over on the schedule's clock, and the
     * JDK's own delay scheduler, a thread the JVM keeps for every caller, must not get it.
     */
    boolean delaying(long delayNanos, Object executor, Runnable task);

    /**
     * {@code future.orTimeout(...)} (with {@code complete} false) or {@code future.completeOnTimeout(value, ...)}
     * (with {@code complete} true) is called, with a timeout of {@code timeoutNanos}. Returns true when a thread of
     * the schedule's watches the timeout on the schedule's clock, and the JDK's own delay scheduler must not.
     */
    boolean timingOut(Object future, long timeoutNanos, boolean complete, Object value);

    /** This thread asks for {@code lock} (a {@code java.util.concurrent} lock's sync), for reading if shared. */
    void lockRequested(Object lock, boolean shared);

    /** The request {@link #lockRequested} announced ended: with the lock held if {@code acquired}. */
    void lockAcquired(Object lock, boolean shared, boolean acquired);

    /** This thread released one hold of {@code lock}. */
    void lockReleased(Object lock, boolean shared);

    /** This thread awaits a condition of {@code lock}: its holds are let go until {@link #lockResumed}. */
    void lockSuspended(Object lock);

    /** The await {@link #lockSuspended} announced returned, with the holds taken back. */
    void lockResumed(Object lock);

    /**
     * {@code LockSupport.park...}: returns true when the scheduler modelled the park (the JDK's own must then not
     * run), false when the real one must run (the scheduler's own parking).
     */
    boolean park(Object blocker, long timeoutNanos);

    /** {@code LockSupport.unpark(thread)}: true when modelled, false when the real one must run. */
    boolean unpark(Thread thread);

    /** {@code thread.isAlive()}, answered from the scheduler's model. */
    boolean isAlive(Thread thread, int site);

    /**
     * {@code System.nanoTime()}: the schedule's virtual clock in nanoseconds. Every read moves the clock on by a
     * fixed quantum, so a loop that polls the clock until a deadline ends after a bounded number of reads. Not a
     * scheduling point.
     */
    long nanoTime();

    /**
     * {@code System.currentTimeMillis()}: a fixed epoch plus the virtual clock in milliseconds; moves the clock on
     * as {@link #nanoTime()} does.
     */
    long currentTimeMillis();

    /**
     * The identity hash code of {@code object} (never null) for this schedule: a number that depends only on the
     * order in which the schedule first asked for objects' identity hashes, so the same schedule gives the same
     * values in every JVM. Non-negative, never 0, the same for an object throughout the schedule.
     */
    int identityHashCode(Object object);

    /**
     * The thread is about to end the JVM with {@code call} ({@code System.exit(1)}, {@code Runtime.halt(1)}). An
     * implementation that does not return (it fails the test instead) keeps the JVM alive; one that returns lets the
     * call go through.
     */
    default void exitCalled(String call) {
    }

    // ---- blocking I/O on sockets, channels and selectors (see SocketIo) ----------------------------------------

    /**
     * This thread is about to make the blocking call {@code call} ({@link SocketIo#ACCEPT}, {@link SocketIo#READ},
     * {@link SocketIo#SELECT}) on {@code target}: it waits until another managed thread's action lets the call go
     * on, or {@code timeoutNanos} of virtual time pass ({@code < 0}: no timeout). Returns {@link SocketIo#PROCEED},
     * {@link SocketIo#CLOSED_WHILE_WAITING} or {@link SocketIo#TIMED_OUT}.
     */
    default int ioAwait(int call, Object target, long timeoutNanos) {
        return SocketIo.PROCEED;
    }

    /**
     * This thread is about to {@code action} ({@code "close"}, {@code "write"}, {@code "connect"}, {@code "wakeup"})
     * {@code target}, a socket, channel or selector: a scheduling point, as the action may let another thread's
     * blocking call go on.
     */
    default void ioAction(Object target, String action) {
    }

    /**
     * This thread is about to make the call {@code call} on {@code target}, blocking or not, and the scheduler lets
     * it go on: when the managed threads' actions say its result is ready (a connection made and not accepted, bytes
     * sent and not read, a selection key whose interest is ready), wait, for a bounded real time, until the kernel
     * delivered it, so that the call returns what the managed threads did, whenever the kernel delivered it. A read
     * waits for no more than {@code wanted} bytes, what fits in its buffer.
     */
    default void ioSettle(int call, Object target, long wanted) {
    }

    /** The bytes that managed peers sent to {@code endpoint} and no read of it took yet. */
    default long ioPending(Object endpoint) {
        return 0;
    }

    /**
     * How many bytes a write to {@code endpoint} can put in the buffers between it and its peer now, as the model
     * counts them: {@code Long.MAX_VALUE} when the peer is not a socket of the test, 0 when they are full.
     */
    default long ioRoom(Object endpoint) {
        return Long.MAX_VALUE;
    }

    /** {@code endpoint}, a socket or socket channel of this thread, connected to its peer. */
    default void ioConnected(Object endpoint) {
    }

    /** {@code server}, a server socket or server socket channel, was bound to its port. */
    default void ioBound(Object server) {
    }

    /** {@code server} accepted the connection {@code endpoint}. */
    default void ioAccepted(Object server, Object endpoint) {
    }

    /** {@code count} bytes were written to ({@code written}) or read from {@code endpoint}. */
    default void ioTransferred(Object endpoint, long count, boolean written) {
    }

    /** {@code selector.wakeup()}. */
    default void ioWakeup(Object selector) {
    }

    /** A select of {@code selector} returned. */
    default void ioSelected(Object selector) {
    }

    /** {@code socket}, a datagram socket or channel, sent a datagram to {@code port} of this host. */
    default void ioDatagramSent(Object socket, int port) {
    }

    /** {@code socket}, a datagram socket or channel, received a datagram. */
    default void ioDatagramReceived(Object socket) {
    }

    /** A selector registered a channel, with the new {@code key}. */
    default void ioRegistered(Object key) {
    }

    /**
     * {@code operation} ({@link SocketIo#KEYS_IN_ORDER} and the rest) on a selector's key set, with {@code key} for
     * those that take one, run as the framework's own use of the JDK: walking the set's hash table takes no step.
     * {@link SocketIo#KEYS_IN_ORDER} gives the keys the schedule registered in the order it registered them, then any
     * others.
     */
    default Object ioKeys(java.util.Set<java.nio.channels.SelectionKey> keys, int operation, Object key) {
        return SocketIo.onKeys(keys, operation, key);
    }

    /**
     * {@code child.start()} is about to run on this thread. Returns the events of the new managed thread, or
     * throws if the framework cannot manage it.
     */
    ThreadEvents starting(Thread child);

    /**
     * The thread entered its {@code run()} method (possibly nested, when an override calls {@code super.run()}).
     * Returns false when the schedule was abandoned before the thread's first turn: then its body must not run.
     */
    boolean begin();

    /**
     * The thread is leaving a {@code run()} method reported by {@link #begin()}. Returns the throwable the JVM
     * should see: null when the failure is the framework's to report.
     */
    Throwable end(Throwable uncaught);
}
