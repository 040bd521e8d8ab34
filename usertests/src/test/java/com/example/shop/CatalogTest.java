package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.interleave.ConcurrencyTest;

class CatalogTest {

    static class Catalog {
    }

    /** Creates the catalog on first use, without a lock: two first uses can create two catalogs. */
    static class LazyCatalog {
        private Catalog instance;

        Catalog get() {
            if (instance == null) {
                instance = new Catalog();
            }
            return instance;
        }
    }

    static class GuardedCatalog {
        private Catalog instance;

        synchronized Catalog get() {
            if (instance == null) {
                instance = new Catalog();
            }
            return instance;
        }
    }

    @ConcurrencyTest(seed = "303", schedules = 100)
    void lazyGetterCreatesTwoCatalogs() throws InterruptedException {
        LazyCatalog holder = new LazyCatalog();
        Catalog[] seen = new Catalog[1];
        Thread other = new Thread(() -> seen[0] = holder.get());
        other.start();
        Catalog mine = holder.get();
        other.join();
        assertSame(mine, seen[0]);
    }

    @ConcurrencyTest(seed = "303", schedules = 100)
    void synchronizedGetterCreatesOne() throws InterruptedException {
        GuardedCatalog holder = new GuardedCatalog();
        Catalog[] seen = new Catalog[1];
        Thread other = new Thread(() -> seen[0] = holder.get());
        other.start();
        Catalog mine = holder.get();
        other.join();
        assertSame(mine, seen[0]);
    }
}
