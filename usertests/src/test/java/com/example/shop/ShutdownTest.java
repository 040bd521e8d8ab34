package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import dev.interleave.ConcurrencyTest;

/** A worker that ends the whole program when its order is bad, the way a command-line tool's code often does. */
class ShutdownTest {

    static class Packer {
        private final AtomicInteger packed = new AtomicInteger();

        void pack(int items) {
            if (items < 0) {
                System.err.println("cannot pack " + items + " items");
                System.exit(2);
            }
            packed.addAndGet(items);
        }

        boolean tryPack(int items) {
            if (items < 0) {
                return false;
            }
            packed.addAndGet(items);
            return true;
        }

        int packed() {
            return packed.get();
        }
    }

    @ConcurrencyTest(seed = "1414", schedules = 100)
    void aBadOrderEndsTheProgram() throws InterruptedException {
        Packer packer = new Packer();
        Thread worker = new Thread(() -> packer.pack(-1));
        worker.start();
        packer.pack(3);
        worker.join();
        assertEquals(3, packer.packed());
    }

    @ConcurrencyTest(seed = "1414", schedules = 100)
    void aBadOrderIsRefused() throws InterruptedException {
        Packer packer = new Packer();
        boolean[] refused = new boolean[1];
        Thread worker = new Thread(() -> refused[0] = !packer.tryPack(-1));
        worker.start();
        packer.tryPack(3);
        worker.join();
        assertEquals(3, packer.packed());
        assertEquals(true, refused[0]);
    }
}
