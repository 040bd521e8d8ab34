package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderBookTests {

    static class OrderBook {
        private int orders;

        void place() {
            orders++;
        }

        synchronized void placeUnderTheLock() {
            orders++;
        }

        synchronized int orders() {
            return orders;
        }
    }

    @Test
    void aNewBookIsEmpty() {
        assertEquals(0, new OrderBook().orders());
    }

    @Nested
    class WhenTwoTradersShareABook {

        private final OrderBook book = new OrderBook();

        @Test
        void oneOrderIsCounted() {
            book.place();
            assertEquals(1, book.orders());
        }

        @ConcurrencyTest(seed = "1010", schedules = 100)
        void tradersLoseAnOrder() throws InterruptedException {
            Thread other = new Thread(book::place);
            other.start();
            book.place();
            other.join();
            assertEquals(2, book.orders());
        }

        @ConcurrencyTest(seed = "1010", schedules = 100)
        void tradersPlaceUnderTheLock() throws InterruptedException {
            Thread other = new Thread(book::placeUnderTheLock);
            other.start();
            book.placeUnderTheLock();
            other.join();
            assertEquals(2, book.orders());
        }
    }
}
