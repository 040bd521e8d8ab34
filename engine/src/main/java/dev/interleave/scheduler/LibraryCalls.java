package dev.interleave.scheduler;

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

    private static final Set<String> SELF_CONTAINED = Set.of(
            "java.util.concurrent.atomic.AtomicBoolean", "java.util.concurrent.atomic.AtomicInteger",
            "java.util.concurrent.atomic.AtomicLong", "java.util.concurrent.atomic.AtomicReference",
            "java.util.concurrent.atomic.AtomicIntegerArray", "java.util.concurrent.atomic.AtomicLongArray",
            "java.util.concurrent.atomic.AtomicReferenceArray", "java.util.concurrent.atomic.LongAdder",
            "java.util.concurrent.atomic.LongAccumulator", "java.util.concurrent.locks.ReentrantLock",
            "java.util.concurrent.CountDownLatch", "java.util.concurrent.Semaphore");

    /** The immutable collections of {@code List.of(...)} and the like: nothing to touch but what never changes. */
    private static final String IMMUTABLE = "java.util.ImmutableCollections$";

    private static final ClassValue<Reach> REACH = new ClassValue<>() {
        @Override
        protected Reach computeValue(Class<?> type) {
            return reachOf(type);
        }
    };

    private LibraryCalls() {
    }

    static Reach reach(Object receiver) {
        return receiver == null ? Reach.ANYTHING : REACH.get(receiver.getClass());
    }

    private static Reach reachOf(Class<?> type) {
        if (SELF_CONTAINED.contains(type.getName())) {
            return Reach.OWN_STATE;
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
