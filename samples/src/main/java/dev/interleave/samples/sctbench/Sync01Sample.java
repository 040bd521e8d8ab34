package dev.interleave.samples.sctbench;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code sync01}: a producer waits on condition "empty" until a one-slot buffer is free, and a consumer
 * waits on "full" until there is something to take. The buggy program starts with the slot already taken and a
 * consumer that never takes anything: it finds the slot full, leaves at once and signals "empty" without emptying
 * anything, and the producer, woken or not, finds the slot still full and waits for ever. Every schedule deadlocks;
 * the fixed program starts empty and consumes what it waited for.
 */
public class Sync01Sample {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition empty = lock.newCondition();
    private final Condition full = lock.newCondition();
    private int items;

    private void produce() {
        lock.lock();
        try {
            while (items > 0) {
                empty.awaitUninterruptibly();
            }
            items++;
            full.signal();
        } finally {
            lock.unlock();
        }
    }

    private void consume(boolean take) {
        lock.lock();
        try {
            while (items == 0) {
                full.awaitUninterruptibly();
            }
            if (take) {
                items--;
            }
            empty.signal();
        } finally {
            lock.unlock();
        }
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void consumerLeavesTheSlotFull() throws InterruptedException {
        items = 1;
        Threads.runAll(this::produce, () -> consume(false));
    }

    @ConcurrencyTest
    void producerThenConsumer() throws InterruptedException {
        Threads.runAll(this::produce, () -> consume(true));
    }
}
