package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;

/**
 * {@link Ledger} is named only as a parameter type and {@link Tally} only as a field type: reflection on this class
 * (a test engine looking for its methods and fields) loads them before any test runs.
 */
class LedgerTest {

    private Tally tally;

    private static void postTwice(Ledger ledger, int amount) {
        ledger.post(amount);
        ledger.post(amount);
    }

    @ConcurrencyTest(seed = "909", schedules = 100)
    void twoClerksPostToOneLedger() throws InterruptedException {
        Ledger ledger = new Ledger();
        Thread other = new Thread(() -> postTwice(ledger, 5));
        other.start();
        postTwice(ledger, 7);
        other.join();
        assertEquals(24, ledger.balance());
        assertEquals(4, ledger.entries());
    }

    @ConcurrencyTest(seed = "909", schedules = 100)
    void twoClerksLoseACount() throws InterruptedException {
        tally = new Tally();
        Tally shared = tally;
        Thread other = new Thread(shared::count);
        other.start();
        shared.count();
        other.join();
        assertEquals(2, tally.total());
    }
}
