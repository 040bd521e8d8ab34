package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.interleave.ConcurrencyTest;

/** Orders priced in a {@link CompletableFuture} chain on a fixed thread pool, each stage on the pool. */
class OrderPipelineTest {

    /** Adds to its total without a lock: two stages that add at once can lose one amount. */
    static class Revenue {
        private int total;

        void add(int amount) {
            total += amount;
        }

        int total() {
            return total;
        }
    }

    static class LockedRevenue {
        private int total;

        synchronized void add(int amount) {
            total += amount;
        }

        synchronized int total() {
            return total;
        }
    }

    @ConcurrencyTest(seed = "1111", schedules = 100)
    void twoOrdersLoseARevenue() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Revenue revenue = new Revenue();
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> 20, pool)
                    .thenApplyAsync(price -> {
                        revenue.add(price + 1);
                        return price + 1;
                    }, pool);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> 30, pool)
                    .thenApplyAsync(price -> {
                        revenue.add(price + 1);
                        return price + 1;
                    }, pool);
            assertEquals(52, first.join() + second.join());
            assertEquals(52, revenue.total());
        } finally {
            pool.shutdown();
        }
    }

    @ConcurrencyTest(seed = "1111", schedules = 100)
    void twoOrdersAddUnderTheLock() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            LockedRevenue revenue = new LockedRevenue();
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> 20, pool)
                    .thenApplyAsync(price -> {
                        revenue.add(price + 1);
                        return price + 1;
                    }, pool);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> 30, pool)
                    .thenApplyAsync(price -> {
                        revenue.add(price + 1);
                        return price + 1;
                    }, pool);
            assertEquals(52, first.join() + second.join());
            assertEquals(52, revenue.total());
        } finally {
            pool.shutdown();
        }
    }
}
