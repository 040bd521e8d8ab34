package dev.interleave.scheduler;

import dev.interleave.instrumentation.InstrumentationScope;

/**
 * What the JVM does with the exception that ends a thread other than the test method's: it hands it to the thread's
 * uncaught-exception handler (its own, or its group's, which hands it to the default handler). Here a handler the
 * application set is called the same way, on the managed thread before it ends, so what it does is explored; an
 * exception that no handler of the application's took is the test's failure, as the JDK would only print it.
 */
final class UncaughtHandlers {

    /** What became of an uncaught exception. */
    static final class Outcome {

        /** The exception the test fails with, or null when a handler took it. */
        final Throwable failure;
        /** Words on the handler's own exception, or null when it threw none. */
        final String handlerFailure;

        private Outcome(Throwable failure, String handlerFailure) {
            this.failure = failure;
            this.handlerFailure = handlerFailure;
        }
    }

    private UncaughtHandlers() {
    }

    /** Calls {@code thread}'s handler for {@code uncaught}, if the application set one; on {@code thread} itself. */
    static Outcome dispatch(Thread thread, Throwable uncaught) {
        Thread.UncaughtExceptionHandler handler = handlerOf(thread);
        if (handler == null) {
            return new Outcome(uncaught, null);
        }
        try {
            handler.uncaughtException(thread, uncaught);
            return new Outcome(null, null);
        } catch (ScheduleAbortedError aborted) {
            throw aborted;
        } catch (Throwable thrown) {
            if (ScheduleAbortedError.isIn(thrown)) {
                throw new ScheduleAbortedError();
            }
            // The JVM drops it without a word; a test must hear of a handler that fails at its one job
            if (thrown != uncaught) {
                uncaught.addSuppressed(thrown);
            }
            return new Outcome(uncaught, "and then its uncaught-exception handler (" + nameOf(handler)
                    + ") threw " + thrown + " (added to the first as suppressed)");
        }
    }

    /**
     * The handler the application set: the thread's own, a thread group of its own class, or the default handler that
     * the JDK's thread group hands to, when an application class implements it. Null when only the JDK's group would
     * print the stack trace.
     */
    private static Thread.UncaughtExceptionHandler handlerOf(Thread thread) {
        Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
        if (handler == null) {
            return null; // the thread has ended already, as far as the JDK can tell
        }
        if (handler.getClass() != ThreadGroup.class) {
            return handler;
        }
        // only the application's own: a build tool's or IDE's would swallow what the test must hear
        Thread.UncaughtExceptionHandler fallback = Thread.getDefaultUncaughtExceptionHandler();
        return fallback != null && InstrumentationScope.isInstrumented(fallback.getClass()) ? fallback : null;
    }

    /** The handler's class, or for a lambda the class it was written in: a lambda's own name varies by JVM run. */
    private static String nameOf(Thread.UncaughtExceptionHandler handler) {
        String name = handler.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : "a lambda in " + name.substring(0, lambda);
    }
}
