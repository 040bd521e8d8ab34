package dev.interleave.scheduler;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Who holds which monitor, as the scheduler models it. The real monitors are still taken by the JVM; the model
 * makes sure a managed thread only reaches {@code monitorenter} when the monitor is free, so the JVM never blocks.
 * Keyed by identity; never iterated, so identity hash codes cannot leak into decisions.
 */
final class Monitors {

    private static final class State {
        ManagedThread owner;
        int count;
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

    void enter(Object monitor, ManagedThread thread) {
        State state = states.computeIfAbsent(monitor, m -> new State());
        state.owner = thread;
        state.count++;
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

    void restore(Object monitor, ManagedThread thread, int count) {
        State state = states.computeIfAbsent(monitor, m -> new State());
        state.owner = thread;
        state.count = count;
    }
}
