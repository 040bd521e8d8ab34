package dev.interleave.scheduler;

import java.util.concurrent.locks.LockSupport;

import dev.interleave.bridge.Bridge;
import dev.interleave.bridge.ThreadEvents;

/**
 * The thread that runs the test method (thread 0), one schedule after another, the way JUnit runs test after test
 * on one thread: starting a thread per schedule would cost more than the schedule itself. Between schedules it
 * waits for the next; its interrupt flag is cleared, and each schedule gets a fresh test instance. A schedule that
 * cannot unwind it leaves it behind, and the exploration starts a new one.
 */
public final class TestThread implements Runnable {

    private static final long SPIN_NANOS = 50_000;

    private final Thread thread;
    private volatile Job handedOver;
    private volatile Job launched;
    private volatile boolean closed;

    /** One schedule's work: whom to report to, what to run, and whether it is over. */
    private static final class Job {
        final ThreadEvents events;
        final Runnable body;
        volatile boolean done;

        Job(ThreadEvents events, Runnable body) {
            this.events = events;
            this.body = body;
        }
    }

    public TestThread(String name) {
        thread = new Thread(this, name);
        // Not a daemon, as the thread that runs a JUnit test is not: the threads the test starts inherit that, and
        // whether a thread left running when the test method returns is a daemon decides what becomes of it.
        thread.setDaemon(false);
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /**
     * The framework is about to call test code on this thread (a lifecycle method or the test method): whatever an
     * exception thrown by the code before left behind, the test code starts as test code.
     */
    public static void enteringTestCode() {
        ThreadEvents events = Bridge.current();
        if (events instanceof ManagedThread) {
            ((ManagedThread) events).enterTestCode();
        }
    }

    /**
     * Hands the thread its next schedule. The one before has ended in the model already; the thread is at most a few
     * instructions away from waiting for this one.
     */
    void launch(ThreadEvents events, Runnable body) throws InterruptedException {
        if (!awaitIdle(Long.MAX_VALUE / 2_000_000)) {
            throw new IllegalStateException("the test thread is still busy with the previous schedule");
        }
        Job next = new Job(events, body);
        launched = next;
        handedOver = next;
        LockSupport.unpark(thread);
    }

    /** Waits until the last launched body has returned (or thrown); false if it has not within the time given. */
    boolean awaitIdle(long millis) throws InterruptedException {
        Job last = launched;
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (last != null && !last.done && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            LockSupport.parkNanos(this, 10_000);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return last == null || last.done;
    }

    /** Lets the thread end once it is idle. */
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        while (true) {
            Job next = awaitJob();
            if (next == null) {
                return;
            }
            Thread.interrupted(); // no schedule sees an interrupt meant for the one before
            Bridge.bind(next.events);
            Throwable thrown = null;
            try {
                if (next.events.begin()) {
                    next.body.run();
                }
            } catch (Throwable t) {
                thrown = t;
            }
            next.events.end(thrown);
            next.done = true;
        }
    }

    private Job awaitJob() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (handedOver == null && !closed && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        while (handedOver == null && !closed) {
            LockSupport.park(this);
        }
        Job next = handedOver;
        handedOver = null;
        return next;
    }
}
