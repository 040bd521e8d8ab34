package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyTest;

class AccountTest {

    /** Every getter and setter is synchronized, and still withdraw checks, then acts, without holding the lock. */
    static class Account {
        private int balance;

        Account(int balance) {
            this.balance = balance;
        }

        synchronized int getBalance() {
            return balance;
        }

        synchronized void setBalance(int balance) {
            this.balance = balance;
        }

        boolean withdraw(int amount) {
            if (getBalance() >= amount) {
                setBalance(getBalance() - amount);
                return true;
            }
            return false;
        }
    }

    static class SafeAccount {
        private int balance;

        SafeAccount(int balance) {
            this.balance = balance;
        }

        synchronized int getBalance() {
            return balance;
        }

        synchronized boolean withdraw(int amount) {
            if (balance >= amount) {
                balance -= amount;
                return true;
            }
            return false;
        }
    }

    @ConcurrencyTest(seed = "202", schedules = 100)
    void withdrawChecksThenActs() throws InterruptedException {
        Account account = new Account(100);
        boolean[] paid = new boolean[2];
        Thread other = new Thread(() -> paid[1] = account.withdraw(60));
        other.start();
        paid[0] = account.withdraw(60);
        other.join();
        assertEquals(100, account.getBalance() + (paid[0] ? 60 : 0) + (paid[1] ? 60 : 0), "money was created");
    }

    @ConcurrencyTest(seed = "202", schedules = 100)
    void withdrawUnderTheLock() throws InterruptedException {
        SafeAccount account = new SafeAccount(100);
        boolean[] paid = new boolean[2];
        Thread other = new Thread(() -> paid[1] = account.withdraw(60));
        other.start();
        paid[0] = account.withdraw(60);
        other.join();
        assertEquals(100, account.getBalance() + (paid[0] ? 60 : 0) + (paid[1] ? 60 : 0), "money was created");
    }
}
