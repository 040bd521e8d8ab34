package dev.interleave.samples.benchmark;

import java.util.concurrent.CountDownLatch;

/**
 * Programs whose fate with real threads is certain, whatever the machine: the harness's tests check that plain
 * stress testing tells each kind of failure in the first run. Latches, not sleeps, put the threads in the order
 * that fails. Not samples (no {@code @ConcurrencyTest}): Interleave never runs them.
 */
class StressFixtures {

    private final Object first = new Object();
    private final Object second = new Object();
    private int locked;
    private boolean stop;

    /** Each of two threads holds its first lock before either asks for its second: a lock-order deadlock. */
    void alwaysDeadlocks() throws InterruptedException {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread other = new Thread(() -> lockBoth(second, first, bothHoldOne));
        other.start();
        lockBoth(first, second, bothHoldOne);
        other.join();
    }

    /** The method does not join the thread that throws: a run still waits for every thread it started. */
    void throwsInAChildThread() {
        CountDownLatch started = new CountDownLatch(1);
        new Thread(() -> {
            await(started);
            throw new IllegalStateException("thrown by a child thread");
        }).start();
        started.countDown();
    }

    void throwsInTheTestMethod() throws Exception {
        throw new Exception("thrown by the test method");
    }

    /** Nothing ever sets {@code stop}: the loop runs for ever (and the JIT may well stop reading the field). */
    void spinsForever() {
        while (!stop) {
            Thread.onSpinWait();
        }
    }

    private void lockBoth(Object outer, Object inner, CountDownLatch bothHoldOne) {
        synchronized (outer) {
            bothHoldOne.countDown();
            await(bothHoldOne);
            synchronized (inner) {
                locked++;
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException("nothing interrupts a fixture's threads", e);
        }
    }
}
