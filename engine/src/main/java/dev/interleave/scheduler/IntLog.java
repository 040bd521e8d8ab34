package dev.interleave.scheduler;

import java.util.Arrays;

/** A growing list of ints without boxing: a schedule appends one per decision and one per step. */
final class IntLog {

    private int[] values = new int[64];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    int get(int index) {
        return values[index];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
