package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Two classic misuses of {@code wait}/{@code notify}: waiting under {@code if} instead of {@code while} (a woken
 * consumer finds the item already taken), and waiting without checking the condition first (the notification came
 * before the wait and is lost).
 */
public class WaitNotifySample {

    private final Deque<Integer> queue = new ArrayDeque<>();
    private boolean ready;
    private int taken;

    private void takeWithIf() throws InterruptedException {
        synchronized (queue) {
            if (queue.isEmpty()) {
                queue.wait();
            }
            queue.removeFirst(); // throws when another consumer took the item first
            taken++;
        }
    }

    private void takeWithWhile() throws InterruptedException {
        synchronized (queue) {
            while (queue.isEmpty()) {
                queue.wait();
            }
            queue.removeFirst();
            taken++;
        }
    }

    private void put(int item) {
        synchronized (queue) {
            queue.addLast(item);
            queue.notifyAll();
        }
    }

    private Thread consumer(Interruptible body) {
        return new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Two consumers wait for items, the test thread puts two. */
    private void twoConsumersTwoItems(Interruptible take) throws InterruptedException {
        Thread first = consumer(take);
        Thread second = consumer(take);
        first.start();
        second.start();
        put(1);
        put(2);
        first.join();
        second.join();
        assertEquals(2, taken);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void waitUnderIf() throws InterruptedException {
        twoConsumersTwoItems(this::takeWithIf);
    }

    @ConcurrencyTest
    void waitUnderWhile() throws InterruptedException {
        twoConsumersTwoItems(this::takeWithWhile);
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void lostNotification() throws InterruptedException {
        Thread waiter = consumer(() -> {
            synchronized (this) {
                wait(); // no condition checked: if the signal came first, nobody will signal again
            }
        });
        waiter.start();
        synchronized (this) {
            ready = true;
            notifyAll();
        }
        waiter.join();
    }

    @ConcurrencyTest
    void checkedNotification() throws InterruptedException {
        Thread waiter = consumer(() -> {
            synchronized (this) {
                while (!ready) {
                    wait();
                }
            }
        });
        waiter.start();
        synchronized (this) {
            ready = true;
            notifyAll();
        }
        waiter.join();
    }

    @FunctionalInterface
    interface Interruptible {
        void run() throws InterruptedException;
    }
}
