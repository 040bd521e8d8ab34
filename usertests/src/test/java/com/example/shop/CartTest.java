package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;

class CartTest {

    /** An inner class: each cart belongs to the test instance that made it. */
    class Cart {
        private int items;

        void add() {
            items++;
        }

        int items() {
            return items;
        }
    }

    class CheckoutCart {
        private int items;

        synchronized void add() {
            items++;
        }

        synchronized int items() {
            return items;
        }
    }

    @ConcurrencyTest(seed = "707", schedules = 100)
    void twoShoppersLoseAnItem() throws InterruptedException {
        Cart cart = new Cart();
        Thread other = new Thread(cart::add);
        other.start();
        cart.add();
        other.join();
        assertEquals(2, cart.items());
    }

    @ConcurrencyTest(seed = "707", schedules = 100)
    void twoShoppersAtTheCheckout() throws InterruptedException {
        CheckoutCart cart = new CheckoutCart();
        Thread other = new Thread(cart::add);
        other.start();
        cart.add();
        other.join();
        assertEquals(2, cart.items());
    }
}
