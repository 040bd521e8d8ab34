package dev.interleave.scheduler;

import dev.interleave.bridge.Sites;
import dev.interleave.strategy.Decision;

/**
 * What the operation a managed thread is about to perform touches, as strategies compare operations (see
 * {@link dev.interleave.strategy.Decision}): an object, a place in it, and its kind. Fields are told apart by the
 * identity the instrumentation gave them; array elements by index; the other places are fixed.
 */
final class Operations {

    /** The monitor of an object. */
    static final long MONITOR = Decision.MONITOR;
    /** That a thread was started: its start releases, its beginning acquires. */
    static final long STARTED = Decision.THREAD_START;
    /** That a thread has ended: its end releases, a join's return acquires, {@code isAlive()} reads. */
    static final long ENDED = -6;
    /** {@code LockSupport}'s permit of a thread. */
    static final long PERMIT = -4;
    /** What only its own thread touches ({@code yield}). */
    static final long OWN = -5;
    /** The whole state of a JDK object whose operations run as one step (see {@link LibraryCalls}). */
    static final long OBJECT = Decision.LIBRARY_OBJECT;
    /** Below the other places: a field access whose site names no field, one place per site. */
    private static final long UNIDENTIFIED = -1L << 32;

    // the kind of an operation (see Decision.READ ...) in the low two bits, then flags
    static final int READ = Decision.READ;
    static final int WRITE = Decision.WRITE;
    static final int ACQUIRE = Decision.ACQUIRE;
    static final int RELEASE = Decision.RELEASE;
    static final int KIND = 3;
    static final int GLOBAL = 4;
    static final int YIELDS = 8;

    /** The schedule's virtual clock, which sleeps and clock reads move. */
    static final Object CLOCK = new Object();
    /** The numbering of the schedule's identity hashes, which each first request for an object's hash moves. */
    static final Object IDENTITY_HASHES = new Object();

    private static volatile long[] fieldOfSite = new long[0];

    private Operations() {
    }

    /**
     * The place a field access at {@code site} touches: the field's identity, given when its class was instrumented
     * (the class that declares the field, and its name; see {@link dev.interleave.bridge.Fields}). A site without
     * one is a place of its own.
     */
    static long field(int site) {
        long[] known = fieldOfSite;
        if (site < known.length && known[site] != 0) {
            return known[site];
        }
        int field = Sites.get(site).field();
        long id = field > 0 ? field : UNIDENTIFIED - site;
        remember(site, id);
        return id;
    }

    private static synchronized void remember(int site, long id) {
        long[] known = fieldOfSite;
        if (site >= known.length) {
            long[] grown = new long[Math.max(site + 1, known.length * 2)];
            System.arraycopy(known, 0, grown, 0, known.length);
            known = grown;
        }
        known[site] = id;
        fieldOfSite = known;
    }

    /** An access of a field ({@code index} -1) or an array element. */
    static long access(int site, int index) {
        return index >= 0 ? index : field(site);
    }
}
