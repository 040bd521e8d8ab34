package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import dev.interleave.ConcurrencyTest;

/**
 * A till that starts a daemon heartbeat thread and never stops it: on a real JVM the test passes, and the heartbeat
 * dies with the JVM.
 */
class HeartbeatTest {

    static class Till {
        private final AtomicInteger beats = new AtomicInteger();
        private int sales;

        Till open() {
            Thread heartbeat = new Thread(() -> {
                while (true) {
                    beats.incrementAndGet();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heartbeat");
            heartbeat.setDaemon(true);
            heartbeat.start();
            return this;
        }

        synchronized void sell() {
            sales++;
        }

        synchronized int sales() {
            return sales;
        }
    }

    @ConcurrencyTest(seed = "1515", schedules = 100)
    void aDaemonHeartbeatOutlivesTheTest() throws InterruptedException {
        Till till = new Till().open();
        Thread other = new Thread(till::sell);
        other.start();
        till.sell();
        other.join();
        assertEquals(2, till.sales());
    }
}
