package com.example.shop;

/** Goods on a shelf: {@link #sell()} checks, then acts, without a lock; {@link #sellAtTheCounter()} holds one. */
public class Shelf {

    private int stock;
    private int sold;

    public Shelf(int stock) {
        this.stock = stock;
    }

    public boolean sell() {
        if (stock > 0) {
            stock--;
            sold++;
            return true;
        }
        return false;
    }

    public synchronized boolean sellAtTheCounter() {
        if (stock > 0) {
            stock--;
            sold++;
            return true;
        }
        return false;
    }

    public synchronized int stock() {
        return stock;
    }

    public synchronized int sold() {
        return sold;
    }
}
