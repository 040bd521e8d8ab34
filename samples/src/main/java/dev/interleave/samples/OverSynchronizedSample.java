package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Seed 000, over-synchronization: a consumer takes the lock and waits for an item while holding it, so the
 * producer can never produce, and the program hangs. Interleave reports the hang instead of hanging the build.
 */
public class OverSynchronizedSample {

    private final Object lock = new Object();
    private int items;
    private int consumed;

    private void consumeHoldingLock() {
        synchronized (lock) {
            while (items == 0) {
                // spins with the lock held: the producer can never get in
            }
            items--;
            consumed++;
        }
    }

    private void consumeWaiting() throws InterruptedException {
        synchronized (lock) {
            while (items == 0) {
                lock.wait();
            }
            items--;
            consumed++;
        }
    }

    private void produce() {
        synchronized (lock) {
            items++;
            lock.notifyAll();
        }
    }

    @BugSample(ConcurrencyFailure.Kind.HANG)
    @ConcurrencyTest(schedules = 200, maxSteps = 2_000)
    void consumerHoldsTheLock() throws InterruptedException {
        Thread consumer = new Thread(this::consumeHoldingLock);
        consumer.start();
        produce();
        consumer.join();
        assertEquals(1, consumed);
    }

    @ConcurrencyTest
    void consumerWaitsForTheProducer() throws InterruptedException {
        Thread consumer = new Thread(() -> {
            try {
                consumeWaiting();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        produce();
        consumer.join();
        assertEquals(1, consumed);
    }
}
