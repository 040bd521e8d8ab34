package dev.interleave.scheduler;

import java.util.Arrays;

/**
 * The schedule's threads by id, in a plain array. The scheduler looks at every thread at every decision, on a
 * managed thread: through the JDK's collections, whose methods are explored, each call would pass a hook of the
 * bridge, which made a step of a schedule with a hundred threads cost hundreds of hooks.
 */
final class ThreadTable {

    private ManagedThread[] threads = new ManagedThread[8];
    private int size;

    /** Adds the thread whose id is {@link #size()}. */
    void add(ManagedThread thread) {
        if (size == threads.length) {
            threads = Arrays.copyOf(threads, size * 2);
        }
        threads[size++] = thread;
    }

    int size() {
        return size;
    }

    ManagedThread get(int id) {
        return threads[id];
    }
}
