package com.example.shop;

/** A counter without a lock. */
public class Tally {

    private int count;

    public void count() {
        count++;
    }

    public int total() {
        return count;
    }
}
