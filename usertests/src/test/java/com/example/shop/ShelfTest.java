package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;
import org.junit.jupiter.api.BeforeAll;

/** {@link Shelf} is named in no signature of this class: the JVM first loads it in {@code @BeforeAll}. */
class ShelfTest {

    private static int lastItem;

    @BeforeAll
    static void stockTheShop() {
        lastItem = new Shelf(1).stock();
    }

    @ConcurrencyTest(seed = "808", schedules = 100)
    void twoBuyersTakeTheLastItem() throws InterruptedException {
        Shelf shelf = new Shelf(lastItem);
        Thread other = new Thread(shelf::sell);
        other.start();
        shelf.sell();
        other.join();
        assertEquals(lastItem, shelf.sold(), "sold more than was on the shelf");
    }

    @ConcurrencyTest(seed = "808", schedules = 100)
    void twoBuyersAtTheCounter() throws InterruptedException {
        Shelf shelf = new Shelf(lastItem);
        Thread other = new Thread(shelf::sellAtTheCounter);
        other.start();
        shelf.sellAtTheCounter();
        other.join();
        assertEquals(lastItem, shelf.sold(), "sold more than was on the shelf");
    }
}
