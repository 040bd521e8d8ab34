package dev.interleave.scheduler;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A schedule's identity hash codes: the n-th object whose identity hash the schedule asks for gets a value computed
 * from n alone, so the same schedule sees the same values in every JVM, whatever the JVM's own identity hashes. The
 * values are scrambled (the MurmurHash3 finalizer) so that they spread over a hash table's buckets as the JVM's do,
 * and, like the JVM's, are non-negative and never 0.
 *
 * <p>Holds on to every object it numbered until the schedule ends; each schedule has its own.
 */
final class IdentityHashes {

    private final Map<Object, Integer> hashes = new IdentityHashMap<>();

    /**
     * The identity hash of {@code object} in this schedule. Synchronized, although only the running thread asks:
     * while a schedule is abandoned, its threads unwind at once.
     */
    synchronized int of(Object object) {
        Integer hash = hashes.get(object);
        if (hash == null) {
            hash = scramble(hashes.size() + 1);
            hashes.put(object, hash);
        }
        return hash;
    }

    /** Whether {@code object} has been given its number in this schedule already. */
    synchronized boolean numbered(Object object) {
        return hashes.containsKey(object);
    }

    static int scramble(int number) {
        int h = number;
        h ^= h >>> 16;
        h *= 0x85eb_ca6b;
        h ^= h >>> 13;
        h *= 0xc2b2_ae35;
        h ^= h >>> 16;
        h &= Integer.MAX_VALUE;
        return h == 0 ? 1 : h;
    }
}
