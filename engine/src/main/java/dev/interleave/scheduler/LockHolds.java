package dev.interleave.scheduler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds which {@code java.util.concurrent} lock, for reading or for writing, as the lock advice reports it. The
 * JDK's own lock code decides who gets a lock; this only remembers the outcome, so that a deadlock report can say
 * who holds what. A lock is known by its sync, the object its waiters park on.
 */
final class LockHolds {

    /** One thread's holds of one lock in one mode. */
    static final class Hold {
        final ManagedThread thread;
        final boolean shared;
        /** Where the thread took its first hold, for deadlock reports. */
        final int site;
        int count;

        Hold(ManagedThread thread, boolean shared, int site) {
            this.thread = thread;
            this.shared = shared;
            this.site = site;
        }
    }

    private final Map<Object, List<Hold>> holds = new IdentityHashMap<>();

    /** {@code thread} took {@code lock} at {@code site}, the call into the lock. */
    void acquired(Object lock, ManagedThread thread, boolean shared, int site) {
        List<Hold> ofLock = holds.computeIfAbsent(lock, key -> new ArrayList<>());
        for (Hold hold : ofLock) {
            if (hold.thread == thread && hold.shared == shared) {
                hold.count++;
                return;
            }
        }
        Hold hold = new Hold(thread, shared, site);
        hold.count = 1;
        ofLock.add(hold);
    }

    void released(Object lock, ManagedThread thread, boolean shared) {
        List<Hold> ofLock = holds.get(lock);
        if (ofLock == null) {
            return;
        }
        ofLock.removeIf(hold -> hold.thread == thread && hold.shared == shared && --hold.count == 0);
    }

    /** Sets aside {@code thread}'s holds of {@code lock} (a condition's await releases them all); returns them. */
    List<Hold> suspend(Object lock, ManagedThread thread) {
        List<Hold> ofLock = holds.get(lock);
        List<Hold> suspended = new ArrayList<>();
        if (ofLock != null) {
            ofLock.removeIf(hold -> hold.thread == thread && suspended.add(hold));
        }
        return suspended;
    }

    /** Gives back holds that {@link #suspend} set aside (the await returned, with the lock held again). */
    void resume(Object lock, List<Hold> suspended) {
        if (!suspended.isEmpty()) {
            holds.computeIfAbsent(lock, key -> new ArrayList<>()).addAll(suspended);
        }
    }

    /** The holds of {@code lock} by threads other than {@code thread}. */
    List<Hold> heldByOthers(Object lock, ManagedThread thread) {
        List<Hold> others = new ArrayList<>();
        for (Hold hold : holds.getOrDefault(lock, List.of())) {
            if (hold.thread != thread) {
                others.add(hold);
            }
        }
        return others;
    }
}
