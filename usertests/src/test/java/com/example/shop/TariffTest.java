package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;

/**
 * Classes whose static initializers read each other's constants: {@link Tariff} reads {@link Duty} and
 * {@link Duty} reads {@link Tariff}. Two threads that first touch one each wait for each other's class
 * initialization, for ever, as on a real JVM. {@link Rebate} reads {@link Season}, which reads nothing back.
 */
class TariffTest {

    static class Tariff {
        static final int BASE = Integer.parseInt("100");
        static final int WITH_DUTY = BASE + Duty.RATE;
    }

    static class Duty {
        static final int RATE = Integer.parseInt("7");
        static final int ON_BASE = Tariff.BASE * RATE / 100;
    }

    static class Season {
        static final int DISCOUNT = Integer.parseInt("10");
    }

    static class Rebate {
        static final int PERCENT = Season.DISCOUNT / 2;
    }

    @ConcurrencyTest(seed = "1212", schedules = 100)
    void twoCashiersOpenTheTillsAtOnce() throws InterruptedException {
        int[] seen = new int[2];
        Thread other = new Thread(() -> seen[1] = Duty.ON_BASE);
        other.start();
        seen[0] = Tariff.WITH_DUTY;
        other.join();
        assertEquals(107, seen[0]);
    }

    @ConcurrencyTest(seed = "1212", schedules = 100)
    void twoCashiersReadTheSeasonsRebate() throws InterruptedException {
        int[] seen = new int[2];
        Thread other = new Thread(() -> seen[1] = Season.DISCOUNT);
        other.start();
        seen[0] = Rebate.PERCENT;
        other.join();
        assertEquals(5, seen[0]);
        assertEquals(10, seen[1]);
    }
}
