package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;

/**
 * A stock count whose worker loops for ever over a local variable, never touching shared state: no annotation bounds
 * it, and the watchdog ({@code interleave.watchdog.millis} in this project's {@code junit-platform.properties}) must
 * report it as a hang. The test declared after it runs in the same JVM, and passes.
 */
class StockCountTest {

    static class StockCount {
        private int counted;

        synchronized void count(int items) {
            counted += items;
        }

        synchronized int counted() {
            return counted;
        }
    }

    @ConcurrencyTest(seed = "1616", schedules = 100)
    void aCounterSpinsForEver() throws InterruptedException {
        StockCount stock = new StockCount();
        Thread counter = new Thread(() -> {
            long i = 0;
            while (true) {
                i++;
            }
        });
        counter.start();
        stock.count(1);
        counter.join();
        assertEquals(1, stock.counted());
    }

    @ConcurrencyTest(seed = "1616", schedules = 100)
    void aCounterCountsAndEnds() throws InterruptedException {
        StockCount stock = new StockCount();
        Thread counter = new Thread(() -> {
            long i = 0;
            while (i < 1000) {
                i++;
            }
            stock.count((int) i);
        });
        counter.start();
        stock.count(1);
        counter.join();
        assertEquals(1001, stock.counted());
    }
}
