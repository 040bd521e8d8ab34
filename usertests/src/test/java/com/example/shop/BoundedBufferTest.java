package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;

class BoundedBufferTest {

    /** One slot; waits in a loop and wakes every waiter, or, in its broken twin, only one. */
    static class Buffer {
        private final boolean wakeAll;
        private Integer item;
        private int taken;

        Buffer(boolean wakeAll) {
            this.wakeAll = wakeAll;
        }

        synchronized void put(int value) throws InterruptedException {
            while (item != null) {
                wait();
            }
            item = value;
            wake();
        }

        synchronized int take() throws InterruptedException {
            while (item == null) {
                wait();
            }
            int value = item;
            item = null;
            taken++;
            wake();
            return value;
        }

        synchronized int taken() {
            return taken;
        }

        private void wake() {
            if (wakeAll) {
                notifyAll();
            } else {
                notify();
            }
        }
    }

    interface Step {
        void run() throws InterruptedException;
    }

    static Thread twice(Step step) {
        return new Thread(() -> {
            try {
                step.run();
                step.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static void twoProducersTwoConsumers(Buffer buffer) throws InterruptedException {
        Thread[] threads = {twice(() -> buffer.put(1)), twice(() -> buffer.put(2)), twice(buffer::take),
                twice(buffer::take)};
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4, buffer.taken());
    }

    @ConcurrencyTest(seed = "505", schedules = 100)
    void notifyAllWakesEveryWaiter() throws InterruptedException {
        twoProducersTwoConsumers(new Buffer(true));
    }

    @ConcurrencyTest(seed = "505", schedules = 100)
    void notifyWakesTheWrongWaiter() throws InterruptedException {
        twoProducersTwoConsumers(new Buffer(false));
    }
}
