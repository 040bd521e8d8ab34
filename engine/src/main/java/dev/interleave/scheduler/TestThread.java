package dev.interleave.scheduler;

import java.util.concurrent.locks.LockSupport;

import dev.interleave.bridge.Bridge;
import dev.interleave.bridge.ThreadEvents;

/**
 * The thread that runs the test method in one schedule (thread 0). It is started ahead of time and waits until its
 * schedule launches it, so that the cost of starting a thread overlaps the previous schedule instead of adding to
 * every schedule; each schedule still gets a thread of its own, with no state left over from another.
 */
public final class TestThread implements Runnable {

    private static final Runnable DISCARDED = () -> { };

    private final Thread thread;
    private volatile Runnable body;
    private volatile ThreadEvents events;

    public TestThread(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    void launch(ThreadEvents threadEvents, Runnable testBody) {
        events = threadEvents;
        body = testBody;
        LockSupport.unpark(thread);
    }

    /** Lets a thread that no schedule will launch end. */
    public void discard() {
        body = DISCARDED;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        while (body == null) {
            LockSupport.park(this);
        }
        Runnable testBody = body;
        if (testBody == DISCARDED) {
            return;
        }
        ThreadEvents threadEvents = events;
        Bridge.bind(threadEvents);
        threadEvents.begin();
        Throwable thrown = null;
        try {
            testBody.run();
        } catch (Throwable t) {
            thrown = t;
        }
        threadEvents.end(thrown);
    }
}
