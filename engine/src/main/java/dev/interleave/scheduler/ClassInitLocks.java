package dev.interleave.scheduler;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * The JVM's initialization locks of the modelled classes (see {@link ClassInitializers}), for one schedule: which
 * thread initializes which class, and which classes this schedule has initialized. Every schedule starts with none
 * initialized, whatever the JVM has run already, so that schedule N of an exploration is schedule N in a fresh JVM.
 */
final class ClassInitLocks {

    private final Map<Class<?>, ManagedThread> holders = new IdentityHashMap<>();
    private final Set<Class<?>> initialized = Collections.newSetFromMap(new IdentityHashMap<>());

    boolean isInitialized(Class<?> type) {
        return initialized.contains(type);
    }

    /** The thread that initializes {@code type} now, or null. */
    ManagedThread holder(Class<?> type) {
        return holders.get(type);
    }

    /** Whether {@code thread} may go on with {@code type}: initialized, initialized by nobody, or by itself. */
    boolean isFreeFor(Class<?> type, ManagedThread thread) {
        ManagedThread holder = holders.get(type);
        return holder == null || holder == thread || initialized.contains(type);
    }

    void begin(Class<?> type, ManagedThread thread) {
        holders.put(type, thread);
    }

    void end(Class<?> type) {
        holders.remove(type);
        initialized.add(type);
    }
}
