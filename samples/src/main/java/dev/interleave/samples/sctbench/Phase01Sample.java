package dev.interleave.samples.sctbench;

import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code phase01}: two identical threads each take and release lock x, take x again, then work with lock
 * y, and one unlock of x is missing. Whichever thread takes x the second time first leaves with it: it ends still
 * holding x, and the other blocks on x for ever, so every schedule deadlocks. A {@code ReentrantLock} is needed to
 * write it, because a {@code synchronized} block cannot be left held.
 */
public class Phase01Sample {

    private final ReentrantLock x = new ReentrantLock();
    private final ReentrantLock y = new ReentrantLock();

    private void phases(boolean releaseX) {
        x.lock();
        x.unlock();
        x.lock();
        if (releaseX) {
            x.unlock();
        }
        y.lock();
        y.unlock();
        y.lock();
        y.unlock();
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void secondLockOfXNeverReleased() throws InterruptedException {
        Threads.runAll(() -> phases(false), () -> phases(false));
    }

    @ConcurrencyTest
    void everyLockReleased() throws InterruptedException {
        Threads.runAll(() -> phases(true), () -> phases(true));
    }
}
