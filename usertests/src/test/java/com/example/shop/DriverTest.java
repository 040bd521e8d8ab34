package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;

class DriverTest {

    /** A caller can pass the stop check just before stop() counts who is inside, and enter after it. */
    static class Driver {
        private boolean stopped;
        private int inside;

        boolean enter() {
            if (stopped) {
                return false;
            }
            inside++;
            return true;
        }

        int stop() {
            stopped = true;
            return inside;
        }

        int inside() {
            return inside;
        }
    }

    static class SynchronizedDriver {
        private boolean stopped;
        private int inside;

        synchronized boolean enter() {
            if (stopped) {
                return false;
            }
            inside++;
            return true;
        }

        synchronized int stop() {
            stopped = true;
            return inside;
        }

        synchronized int inside() {
            return inside;
        }
    }

    @ConcurrencyTest(seed = "404", schedules = 100)
    void enterSlipsPastStop() throws InterruptedException {
        Driver driver = new Driver();
        Thread caller = new Thread(driver::enter);
        caller.start();
        int insideAtStop = driver.stop();
        caller.join();
        assertEquals(insideAtStop, driver.inside(), "a caller entered after stop()");
    }

    @ConcurrencyTest(seed = "404", schedules = 100)
    void stopAndEnterTakeTheLock() throws InterruptedException {
        SynchronizedDriver driver = new SynchronizedDriver();
        Thread caller = new Thread(driver::enter);
        caller.start();
        int insideAtStop = driver.stop();
        caller.join();
        assertEquals(insideAtStop, driver.inside(), "a caller entered after stop()");
    }
}
