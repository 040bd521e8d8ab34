package dev.interleave.scheduler;

import java.util.IdentityHashMap;
import java.util.Map;

import dev.interleave.bridge.Sites;

/**
 * Who holds which monitor, as the scheduler models it. The real monitors are still taken by the JVM; the model
 * makes sure a managed thread only reaches {@code monitorenter} when the monitor is free, so the JVM never blocks.
 * Keyed by identity; never iterated, so identity hash codes cannot leak into decisions.
 */
final class Monitors {

    private static final class State {
        ManagedThread owner;
        int count;
        /** Where the owner took the monitor (its outermost hold), for deadlock reports. */
        int site = Sites.UNKNOWN;
    }

    private final Map<Object, State> states = new IdentityHashMap<>();

    ManagedThread owner(Object monitor) {
        State state = states.get(monitor);
        return state == null ? null : state.owner;
    }

    boolean isFreeFor(Object monitor, ManagedThread thread) {
        ManagedThread owner = owner(monitor);
        return owner == null || owner == thread;
    }

    void enter(Object monitor, ManagedThread thread, int site) {
        State state = states.computeIfAbsent(monitor, m -> new State());
        if (state.count == 0) {
            state.site = site;
        }
        state.owner = thread;
        state.count++;
    }

    /** Where the owner of {@code monitor} took it, or {@link Sites#UNKNOWN}. */
    int site(Object monitor) {
        State state = states.get(monitor);
        return state == null || state.owner == null ? Sites.UNKNOWN : state.site;
    }

    void exit(Object monitor, ManagedThread thread) {
        State state = states.get(monitor);
        if (state != null && state.owner == thread && --state.count == 0) {
            state.owner = null;
        }
    }

    /** Releases every hold of {@code thread} on {@code monitor}, as {@code wait()} does; returns how many. */
    int releaseAll(Object monitor, ManagedThread thread) {
        State state = states.get(monitor);
        if (state == null || state.owner != thread) {
            return 1; // taken where the model could not see it; wait() releases it all the same
        }
        int count = state.count;
        state.owner = null;
        state.count = 0;
        return count;
    }

    /** {@code thread} took {@code monitor} back at {@code site}, on its way out of {@code wait()}. */
    void restore(Object monitor, ManagedThread thread, int count, int site) {
        State state = states.computeIfAbsent(monitor, m -> new State());
        state.owner = thread;
        state.count = count;
        state.site = site;
    }
}
