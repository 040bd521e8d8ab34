package com.example.shop;

/** A ledger whose every method is {@code synchronized}: correct. */
public class Ledger {

    private int balance;
    private int entries;

    public synchronized void post(int amount) {
        balance += amount;
        entries++;
    }

    public synchronized int balance() {
        return balance;
    }

    public synchronized int entries() {
        return entries;
    }
}
