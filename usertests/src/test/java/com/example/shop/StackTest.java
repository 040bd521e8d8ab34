package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;
import org.junit.jupiter.api.Test;

class StackTest {

    /** Takes its slot before it takes its lock: two pushes can take the same slot. */
    static class Stack {
        private final Object lock = new Object();
        private final int[] items = new int[8];
        private int top;

        void push(int item) {
            int slot = top;
            synchronized (lock) {
                items[slot] = item;
                top = slot + 1;
            }
        }

        int size() {
            synchronized (lock) {
                return top;
            }
        }
    }

    static class LockedStack {
        private final int[] items = new int[8];
        private int top;

        synchronized void push(int item) {
            items[top] = item;
            top++;
        }

        synchronized int size() {
            return top;
        }
    }

    @Test
    void pushAddsOneItem() {
        Stack stack = new Stack();
        stack.push(1);
        assertEquals(1, stack.size());
    }

    @ConcurrencyTest(seed = "101", schedules = 100)
    void pushReadsTopOutsideItsLock() throws InterruptedException {
        Stack stack = new Stack();
        Thread other = new Thread(() -> stack.push(2));
        other.start();
        stack.push(1);
        other.join();
        assertEquals(2, stack.size());
    }

    @ConcurrencyTest(seed = "101", schedules = 100)
    void pushUnderItsLock() throws InterruptedException {
        LockedStack stack = new LockedStack();
        Thread other = new Thread(() -> stack.push(2));
        other.start();
        stack.push(1);
        other.join();
        assertEquals(2, stack.size());
    }
}
