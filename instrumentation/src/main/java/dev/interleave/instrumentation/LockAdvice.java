package dev.interleave.instrumentation;

import dev.interleave.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into {@code ReentrantLock} and the read and write locks of {@code ReentrantReadWriteLock}: tells
 * the scheduler who asks for which lock and who holds it, so that a deadlock report can name the holders. The lock
 * is known by its {@code sync}, the object its waiters park on. The JDK's code runs unchanged.
 */
final class LockAdvice {

    private LockAdvice() {
    }

    /** {@code lock()} and {@code lockInterruptibly()} of an exclusive lock: held unless they threw. */
    static final class Exclusive {
        private Exclusive() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("sync") Object sync) {
            Bridge.lockRequested(sync, false);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Thrown Throwable thrown) {
            Bridge.lockAcquired(sync, false, thrown == null);
        }
    }

    /** {@code lock()} and {@code lockInterruptibly()} of a read lock. */
    static final class Shared {
        private Shared() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("sync") Object sync) {
            Bridge.lockRequested(sync, true);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Thrown Throwable thrown) {
            Bridge.lockAcquired(sync, true, thrown == null);
        }
    }

    /** {@code tryLock(...)} of an exclusive lock: held when it returned true. */
    static final class ExclusiveTry {
        private ExclusiveTry() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("sync") Object sync) {
            Bridge.lockRequested(sync, false);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Return boolean acquired,
                @Advice.Thrown Throwable thrown) {
            Bridge.lockAcquired(sync, false, thrown == null && acquired);
        }
    }

    /** {@code tryLock(...)} of a read lock. */
    static final class SharedTry {
        private SharedTry() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("sync") Object sync) {
            Bridge.lockRequested(sync, true);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Return boolean acquired,
                @Advice.Thrown Throwable thrown) {
            Bridge.lockAcquired(sync, true, thrown == null && acquired);
        }
    }

    /** {@code unlock()} of an exclusive lock: released unless it threw. */
    static final class ExclusiveRelease {
        private ExclusiveRelease() {
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Thrown Throwable thrown) {
            if (thrown == null) {
                Bridge.lockReleased(sync, false);
            }
        }
    }

    /** {@code unlock()} of a read lock. */
    static final class SharedRelease {
        private SharedRelease() {
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Thrown Throwable thrown) {
            if (thrown == null) {
                Bridge.lockReleased(sync, true);
            }
        }
    }

    /**
     * The {@code await} methods of a condition: the JDK releases every hold of the lock before it parks, and takes
     * them back before it returns, without {@code unlock()} or {@code lock()}.
     */
    static final class Await {
        private Await() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("this$0") Object sync) {
            Bridge.lockSuspended(sync);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.FieldValue("this$0") Object sync) {
            Bridge.lockResumed(sync);
        }
    }
}
