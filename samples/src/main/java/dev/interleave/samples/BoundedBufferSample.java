package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * A one-slot buffer with two producers and two consumers. With {@code notify()} a producer can wake the other
 * producer instead of a consumer, and every thread ends up waiting: a deadlock. {@code notifyAll()} is correct.
 */
public class BoundedBufferSample {

    /** Holds at most one item. */
    static final class Slot {
        private final boolean wakeEveryone;
        private Integer item;
        private int taken;

        Slot(boolean wakeEveryone) {
            this.wakeEveryone = wakeEveryone;
        }

        synchronized void put(int value) throws InterruptedException {
            while (item != null) {
                wait();
            }
            item = value;
            wakeUp();
        }

        synchronized void take() throws InterruptedException {
            while (item == null) {
                wait();
            }
            item = null;
            taken++;
            wakeUp();
        }

        private void wakeUp() {
            if (wakeEveryone) {
                notifyAll();
            } else {
                notify();
            }
        }
    }

    private static Thread twice(WaitNotifySample.Interruptible action) {
        return new Thread(() -> {
            try {
                action.run();
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void twoProducersTwoConsumers(Slot slot) throws InterruptedException {
        Thread[] threads = {twice(() -> slot.put(1)), twice(() -> slot.put(2)), twice(slot::take), twice(slot::take)};
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4, slot.taken);
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void notifyWakesTheWrongWaiter() throws InterruptedException {
        twoProducersTwoConsumers(new Slot(false));
    }

    @ConcurrencyTest
    void notifyAllWakesEveryone() throws InterruptedException {
        twoProducersTwoConsumers(new Slot(true));
    }
}
