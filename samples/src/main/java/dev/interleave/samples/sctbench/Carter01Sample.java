package dev.interleave.samples.sctbench;

import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code carter01}: operations of class A and class B must not overlap. Each class counts its running
 * operations, and the first one in takes a shared room lock that the last one out releases; both counters are kept
 * under one counter lock, and the room lock is taken while holding it. When A is in the room and B arrives, B holds
 * the counter lock while it waits for the room, and A can never get the counter lock to leave: a deadlock between
 * two locks taken in opposite orders, disguised as a "lightswitch". Two idle threads make four, as in the original.
 * The fix gives each class a counter lock of its own, so nobody waits for the room while blocking the way out.
 */
public class Carter01Sample {

    private final ReentrantLock room = new ReentrantLock();
    private final ReentrantLock sharedCounterLock = new ReentrantLock();
    private final ReentrantLock counterLockA = new ReentrantLock();
    private final ReentrantLock counterLockB = new ReentrantLock();
    private int runningA;
    private int runningB;

    private int enterA(ReentrantLock counterLock) {
        counterLock.lock();
        try {
            runningA++;
            if (runningA == 1) {
                room.lock();
            }
            return runningA;
        } finally {
            counterLock.unlock();
        }
    }

    private void leaveA(ReentrantLock counterLock) {
        counterLock.lock();
        try {
            runningA--;
            if (runningA == 0) {
                room.unlock();
            }
        } finally {
            counterLock.unlock();
        }
    }

    private int enterB(ReentrantLock counterLock) {
        counterLock.lock();
        try {
            runningB++;
            if (runningB == 1) {
                room.lock();
            }
            return runningB;
        } finally {
            counterLock.unlock();
        }
    }

    private void leaveB(ReentrantLock counterLock) {
        counterLock.lock();
        try {
            runningB--;
            if (runningB == 0) {
                room.unlock();
            }
        } finally {
            counterLock.unlock();
        }
    }

    private void run(ReentrantLock lockOfA, ReentrantLock lockOfB) throws InterruptedException {
        Threads.runAll(() -> {
            enterA(lockOfA);
            leaveA(lockOfA);
        }, () -> {
            enterB(lockOfB);
            leaveB(lockOfB);
        }, () -> {
        }, () -> {
        });
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void oneCounterLockForBothClasses() throws InterruptedException {
        run(sharedCounterLock, sharedCounterLock);
    }

    @ConcurrencyTest
    void oneCounterLockPerClass() throws InterruptedException {
        run(counterLockA, counterLockB);
    }
}
