package dev.interleave.scheduler;

import java.util.Arrays;

/**
 * The index of each distinct event key (site, thread, kind) in a schedule's event table: an open-addressing table
 * of primitive longs, because a recording looks a key up at every step and a boxed map made a long schedule run at
 * half its speed.
 */
final class EventIndex {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys = newKeys(64);
    private int[] indices = new int[64];
    private int size;

    /** The index of {@code key}, or {@code next} after adding it with that index when it is new. */
    int indexOf(long key, int next) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            long at = keys[slot];
            if (at == key) {
                return indices[slot];
            }
            if (at == EMPTY) {
                keys[slot] = key;
                indices[slot] = next;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return next;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIndices = indices;
        keys = newKeys(oldKeys.length * 2);
        indices = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                indices[slot] = oldIndices[i];
            }
        }
    }

    private static long[] newKeys(int length) {
        long[] keys = new long[length];
        Arrays.fill(keys, EMPTY);
        return keys;
    }

    private static int mix(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        return (int) (z ^ (z >>> 32));
    }
}
