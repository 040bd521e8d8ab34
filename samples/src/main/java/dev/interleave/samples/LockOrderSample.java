package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Seed 004: one thread takes lock A then B, the other B then A. They deadlock when the first two acquisitions come
 * from different threads. The fix takes the locks in one global order.
 */
public class LockOrderSample {

    private final Object lockA = new Object();
    private final Object lockB = new Object();
    private int transfers;

    private void takeAThenB() {
        synchronized (lockA) {
            synchronized (lockB) {
                transfers++;
            }
        }
    }

    private void takeBThenA() {
        synchronized (lockB) {
            synchronized (lockA) {
                transfers++;
            }
        }
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void oppositeLockOrder() throws InterruptedException {
        Thread other = new Thread(this::takeBThenA);
        other.start();
        takeAThenB();
        other.join();
        assertEquals(2, transfers);
    }

    @ConcurrencyTest
    void sameLockOrder() throws InterruptedException {
        Thread other = new Thread(this::takeAThenB);
        other.start();
        takeAThenB();
        other.join();
        assertEquals(2, transfers);
    }

    /** Bank accounts whose synchronized transfer locks this account, then the other one. */
    static final class Account {
        private int balance = 100;

        synchronized void transferTo(Account other, int amount) {
            balance -= amount;
            other.deposit(amount);
        }

        synchronized void deposit(int amount) {
            balance += amount;
        }

        synchronized int balance() {
            return balance;
        }
    }

    /** The same deadlock through synchronized methods: a transfer each way between two accounts. */
    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void transfersBothWays() throws InterruptedException {
        Account alice = new Account();
        Account bob = new Account();
        Thread other = new Thread(() -> bob.transferTo(alice, 10));
        other.start();
        alice.transferTo(bob, 20);
        other.join();
        assertEquals(200, alice.balance() + bob.balance());
    }
}
