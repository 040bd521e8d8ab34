package com.example.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ordinary Jupiter tests of {@link DockPool}, as a team writes them. One of them fails once in a long while in CI. */
class DockPoolTest {

    private DockPool pool;

    @BeforeEach
    void openTheYard() {
        pool = new DockPool(2);
    }

    @Test
    void aTruckGetsAFreeDock() {
        assertEquals(0, pool.borrow());
        assertEquals(1, pool.free());
    }

    @Test
    void aDockGivenBackIsFreeAgain() {
        int dock = pool.borrow();
        pool.giveBack(dock);
        assertEquals(2, pool.free());
        assertEquals(1, pool.returns());
    }

    @Test
    void twoTrucksGiveBackAtOnce() throws InterruptedException {
        int first = pool.borrow();
        int second = pool.borrow();
        Thread other = new Thread(() -> pool.giveBack(second));
        other.start();
        pool.giveBack(first);
        other.join();
        assertEquals(2, pool.free());
        assertEquals(2, pool.returns());
    }

    @Test
    void twoTrucksNeverShareADock() throws InterruptedException {
        int[] docks = new int[2];
        Thread other = new Thread(() -> docks[1] = pool.borrow());
        other.start();
        docks[0] = pool.borrow();
        other.join();
        assertNotEquals(docks[0], docks[1], "both trucks were sent to dock " + docks[0]);
    }
}
