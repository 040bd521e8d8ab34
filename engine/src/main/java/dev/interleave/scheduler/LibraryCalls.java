package dev.interleave.scheduler;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.interleave.instrumentation.InstrumentationScope;

/**
 * What a call from application code into the JDK's collections or {@code java.util.concurrent} may touch, as its
 * receiver tells: strategies that tell orders apart need to know which calls are independent of which.
 *
 * <p>A receiver whose code reports what it does (an explored collection, or application code implementing a JDK
 * interface) touches nothing by the call itself: its own steps say what it touches. A receiver of the few classes
 * whose operations only read and change that object's own state (atomics, locks, latches, semaphores: none takes a
 * collection or anything but values and callbacks into application code, which report their own steps) touches
 * that object. Any other call, or one whose receiver the rewritten code could not pass on, may touch anything.
 */
final class LibraryCalls {

    enum Reach {
        /** The call's own steps say what it touches. */
        INSIDE,
        /** The receiver's state, and nothing else. */
        OWN_STATE,
        /** Anything. */
        ANYTHING
    }

    /**
     * The locks and conditions, whose calls touch the state of their synchronizer: the {@code sync} that a
     * {@code ReentrantLock}, a {@code ReentrantReadWriteLock} and its read and write locks share, the
     * synchronizer a condition belongs to. Read reflectively (the agent opens the package to the framework); where
     * that is refused, a call on them may touch anything.
     */
    private static final Map<String, String> SYNCHRONIZER_FIELD = Map.of(
            "java.util.concurrent.locks.ReentrantLock", "sync",
            "java.util.concurrent.locks.ReentrantReadWriteLock", "sync",
            "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock", "sync",
            "java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock", "sync",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", "this$0");

    private static final Set<String> SELF_CONTAINED = Set.of(
            "java.util.concurrent.atomic.AtomicBoolean", "java.util.concurrent.atomic.AtomicInteger",
            "java.util.concurrent.atomic.AtomicLong", "java.util.concurrent.atomic.AtomicReference",
            "java.util.concurrent.atomic.AtomicIntegerArray", "java.util.concurrent.atomic.AtomicLongArray",
            "java.util.concurrent.atomic.AtomicReferenceArray", "java.util.concurrent.atomic.LongAdder",
            "java.util.concurrent.atomic.LongAccumulator", "java.util.concurrent.CountDownLatch",
            "java.util.concurrent.Semaphore");

    /** The immutable collections of {@code List.of(...)} and the like: nothing to touch but what never changes. */
    private static final String IMMUTABLE = "java.util.ImmutableCollections$";

    private static final ClassValue<Reach> REACH = new ClassValue<>() {
        @Override
        protected Reach computeValue(Class<?> type) {
            return reachOf(type);
        }
    };

    /** By class of a lock or condition: its synchronizer's field, opened; empty where it cannot be read. */
    private static final ClassValue<Optional<Field>> SYNCHRONIZER = new ClassValue<>() {
        @Override
        protected Optional<Field> computeValue(Class<?> type) {
            try {
                Field field = type.getDeclaredField(SYNCHRONIZER_FIELD.get(type.getName()));
                field.setAccessible(true);
                return Optional.of(field);
            } catch (NoSuchFieldException | RuntimeException e) {
                return Optional.empty();
            }
        }
    };

    private LibraryCalls() {
    }

    static Reach reach(Object receiver) {
        return receiver == null ? Reach.ANYTHING : REACH.get(receiver.getClass());
    }

    /** For a receiver whose reach is OWN_STATE: the object whose state the call touches. */
    static Object state(Object receiver) {
        Class<?> type = receiver.getClass();
        if (!SYNCHRONIZER_FIELD.containsKey(type.getName())) {
            return receiver;
        }
        Field field = SYNCHRONIZER.get(type).orElseThrow();
        try {
            return field.get(receiver);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field + " was opened but cannot be read", e);
        }
    }

    private static Reach reachOf(Class<?> type) {
        if (SELF_CONTAINED.contains(type.getName())) {
            return Reach.OWN_STATE;
        }
        if (SYNCHRONIZER_FIELD.containsKey(type.getName())) {
            // a lock whose synchronizer cannot be read (the package was not opened) may touch anything
            return SYNCHRONIZER.get(type).isPresent() ? Reach.OWN_STATE : Reach.ANYTHING;
        }
        if (type.getName().startsWith(IMMUTABLE)) {
            return Reach.INSIDE;
        }
        // the code a call runs may be inherited: every class it may come from must report what it does
        for (Class<?> owner = type; owner != null && owner != Object.class; owner = owner.getSuperclass()) {
            if (!InstrumentationScope.isInstrumented(owner)) {
                return Reach.ANYTHING;
            }
        }
        return Reach.INSIDE;
    }
}
