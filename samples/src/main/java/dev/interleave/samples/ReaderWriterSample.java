package dev.interleave.samples;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Seed 004's reader/writer deadlock, with the JDK's own {@code ReentrantReadWriteLock}. X takes A, then B's read
 * lock; Y takes B's read lock, then A; Z takes B's write lock. Two readers cannot block each other, yet they do:
 * once Z queues for the write lock between them, X's read lock waits behind Z, Z waits for Y's read lock, and Y
 * waits for X's A. It needs three threads, and a writer queued at the right moment.
 */
public class ReaderWriterSample {

    private final ReentrantLock lockA = new ReentrantLock();

    private static void holdBoth(java.util.concurrent.locks.Lock outer, java.util.concurrent.locks.Lock inner) {
        outer.lock();
        try {
            inner.lock();
            inner.unlock();
        } finally {
            outer.unlock();
        }
    }

    private void threeThreads(ReentrantReadWriteLock lockB, boolean sameOrder) throws InterruptedException {
        Thread x = new Thread(() -> {
            if (sameOrder) {
                holdBoth(lockB.readLock(), lockA);
            } else {
                holdBoth(lockA, lockB.readLock());
            }
        });
        Thread y = new Thread(() -> holdBoth(lockB.readLock(), lockA));
        Thread z = new Thread(() -> {
            lockB.writeLock().lock();
            lockB.writeLock().unlock();
        });
        x.start();
        y.start();
        z.start();
        x.join();
        y.join();
        z.join();
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void fairReadersDeadlockThroughAQueuedWriter() throws InterruptedException {
        threeThreads(new ReentrantReadWriteLock(true), false);
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void nonFairReadersDeadlockThroughAQueuedWriter() throws InterruptedException {
        threeThreads(new ReentrantReadWriteLock(false), false);
    }

    @ConcurrencyTest
    void readersTakeTheLocksInOneOrder() throws InterruptedException {
        threeThreads(new ReentrantReadWriteLock(true), true);
    }
}
