package dev.interleave.scheduler;

import dev.interleave.bridge.AccessKind;
import dev.interleave.bridge.Bridge;
import dev.interleave.bridge.ThreadEvents;

/**
 * A thread that JDK code started on behalf of a managed thread (a thread pool's worker, say). The scheduler does
 * not run it; the JDK's own housekeeping threads never reach test code and are left alone, but the moment such a
 * thread runs instrumented test code, the schedule fails with a message that says what started it.
 */
final class ForeignThread implements ThreadEvents {

    private final Scheduler scheduler;
    private final ManagedThread starter;
    private final String startedBy;

    ForeignThread(Scheduler scheduler, ManagedThread starter, String startedBy) {
        this.scheduler = scheduler;
        this.starter = starter;
        this.startedBy = startedBy;
    }

    private ScheduleAbortedError refuse() {
        scheduler.failOnUnmanagedThread(starter, "had a thread started by " + startedBy + " ("
                + Thread.currentThread().getName() + "), and that thread runs test code outside the scheduler. "
                + "Of the threads JDK code starts, only a ThreadPoolExecutor's workers and the threads of "
                + "CompletableFuture's tasks are managed; start the test's threads with new Thread(...) or "
                + "Thread.ofPlatform(), or hand its tasks to Executors.newFixedThreadPool(n).");
        return new ScheduleAbortedError();
    }

    @Override
    public void access(AccessKind kind, Object target, int index, int site) {
        throw refuse();
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        throw refuse();
    }

    @Override
    public void monitorExit(Object monitor, int site) {
        // never throws: an exception here would loop in the JVM's monitor-exit handler
    }

    @Override
    public void synchronizedCall(Object monitor, int site) {
        throw refuse();
    }

    @Override
    public void methodLockEnter(Object monitor, int site) {
        throw refuse();
    }

    @Override
    public void methodLockExit(Object monitor, int site) {
        // never throws, as monitorExit
    }

    @Override
    public void synchronizedMethodEnter(Object monitor, int site) {
        throw refuse();
    }

    @Override
    public void synchronizedMethodExit(Object monitor, int site) {
        // never throws, as monitorExit
    }

    @Override
    public void await(Object monitor, long timeoutNanos, int site) {
        throw refuse();
    }

    @Override
    public void notify(Object monitor, boolean all, int site) {
        throw refuse();
    }

    @Override
    public boolean join(Thread thread, long timeoutNanos, int site) {
        throw refuse();
    }

    @Override
    public void sleep(long nanos, int site) {
        throw refuse();
    }

    @Override
    public void yield(int site) {
        throw refuse();
    }

    @Override
    public void libraryCall(Object receiver, int site) {
        throw refuse();
    }

    @Override
    public void directCall(Object receiver, int site) {
        throw refuse();
    }

    @Override
    public void opaqueLibraryCall(int site) {
        throw refuse();
    }

    @Override
    public void quietCall() {
        throw refuse();
    }

    @Override
    public void libraryReturn() {
        // nothing to undo
    }

    // The JDK's own threads run the JDK's code as they always do: no frame of theirs is explored.

    @Override
    public void framework(boolean entering) {
        // the JDK's own threads are never the test's
    }

    @Override
    public int frameState() {
        return 0;
    }

    @Override
    public void restoreFrame(int state) {
        // nothing to restore
    }

    @Override
    public void initializing(Class<?> type, int site) {
        // class initialization runs as it always does
    }

    @Override
    public void enterInitializer() {
        // class initializers run as they always do
    }

    @Override
    public void exitInitializer() {
        // class initializers run as they always do
    }

    @Override
    public int enterExplored() {
        return 0;
    }

    @Override
    public void exitExplored(int frame) {
        // no frame of this thread is explored
    }

    @Override
    public void restoreExplored(int frame) {
        // no frame of this thread is explored
    }

    @Override
    public void opaqueCall(int frame) {
        // no frame of this thread is explored
    }

    @Override
    public void opaqueReturn(int frame) {
        // no frame of this thread is explored
    }

    @Override
    public void callback(int site, int frame) {
        // no frame of this thread is explored
    }

    @Override
    public void callbackReturn(int frame) {
        // no frame of this thread is explored
    }

    @Override
    public void interrupt(Thread thread, int site) {
        throw refuse();
    }

    @Override
    public void lockRequested(Object lock, boolean shared) {
        // locks of the JDK's own threads are not the test's
    }

    @Override
    public void lockAcquired(Object lock, boolean shared, boolean acquired) {
        // locks of the JDK's own threads are not the test's
    }

    @Override
    public void lockReleased(Object lock, boolean shared) {
        // locks of the JDK's own threads are not the test's
    }

    @Override
    public void lockSuspended(Object lock) {
        // locks of the JDK's own threads are not the test's
    }

    @Override
    public void lockResumed(Object lock) {
        // locks of the JDK's own threads are not the test's
    }

    @Override
    public void handingOff(Object executor) {
        // the JDK's own threads use the JDK's pools as they always do
    }

    @Override
    public boolean handingOff(Object executor, Runnable task) {
        return false; // the JDK's own threads use the JDK's pools as they always do
    }

    @Override
    public boolean delaying(long delayNanos, Object executor, Runnable task) {
        return false; // the JDK's own threads use the JDK's delay scheduler as they always do
    }

    @Override
    public boolean timingOut(Object future, long timeoutNanos, boolean complete, Object value) {
        return false; // the JDK's own threads use the JDK's delay scheduler as they always do
    }

    @Override
    public boolean isInterrupted(Thread thread, boolean flag) {
        return flag;
    }

    @Override
    public void interrupting(Thread thread) {
        // the JDK's own threads interrupt as they always do
    }

    @Override
    public boolean park(Object blocker, long timeoutNanos) {
        return false; // the JDK's own threads park as they always do
    }

    @Override
    public boolean unpark(Thread thread) {
        return false;
    }

    @Override
    public boolean isAlive(Thread thread, int site) {
        throw refuse();
    }

    // The JDK's own threads read the real clock and hashes as they always do: they are no part of the schedule.

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public int identityHashCode(Object object) {
        return System.identityHashCode(object);
    }

    @Override
    public ThreadEvents starting(Thread child) {
        return null;
    }

    @Override
    public boolean begin() {
        return true; // runs unmanaged
    }

    @Override
    public Throwable end(Throwable uncaught) {
        Bridge.release();
        return ScheduleAbortedError.isIn(uncaught) ? null : uncaught;
    }
}
