package com.example.warehouse;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of loading docks that trucks borrow and give back. {@link #borrow()} checks that a dock is free, then takes
 * it, without a lock: two trucks that ask for the last dock at once can both get it.
 */
public class DockPool {

    private final boolean[] busy;
    private final AtomicInteger borrows = new AtomicInteger();
    private final AtomicInteger returns = new AtomicInteger();

    public DockPool(int docks) {
        busy = new boolean[docks];
    }

    /** The number of the dock the truck got, or -1 when every dock is busy. */
    public int borrow() {
        for (int dock = 0; dock < busy.length; dock++) {
            if (!busy[dock]) {
                borrows.incrementAndGet();
                busy[dock] = true;
                return dock;
            }
        }
        return -1;
    }

    public synchronized void giveBack(int dock) {
        busy[dock] = false;
        returns.incrementAndGet();
    }

    public int borrows() {
        return borrows.get();
    }

    public int returns() {
        return returns.get();
    }

    public synchronized int free() {
        int free = 0;
        for (boolean taken : busy) {
            if (!taken) {
                free++;
            }
        }
        return free;
    }
}
