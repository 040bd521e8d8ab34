package dev.interleave.samples.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of one run: a thread group that the run's test-method thread is started in, so that every thread it
 * starts, and every thread those start (a pool's workers too: the JDK's thread factories use the creating thread's
 * group), belongs to it. The group is what tells one run's threads from another's: the exception a thread of run 7
 * throws after run 8 began is charged to run 7, and the deadlocked threads of a run given up earlier are not taken
 * for the current run's.
 *
 * <p>It is the uncaught-exception handler of its threads (a thread without a handler of its own hands an uncaught
 * exception to its group), and keeps the first one, so the JVM's default handler, shared by the whole JVM, is left
 * alone.
 */
final class RunThreads extends ThreadGroup {

    private final long run;
    private final AtomicReference<String> firstException = new AtomicReference<>();

    @SuppressWarnings("removal")
    RunThreads(long run) {
        super("stress-run-" + run + "-threads");
        this.run = run;
        // On JDK 17 a group keeps every non-daemon subgroup until it is destroyed: 100,000 runs would leave 100,000
        // groups behind. A daemon group is destroyed when its last thread ends (JDK 19 and later drop them anyway).
        setDaemon(true);
    }

    long run() {
        return run;
    }

    /** The name of the thread that calls the test method. */
    String testThreadName() {
        return "stress-run-" + run;
    }

    /** How a report names {@code thread}: the test method's, or another by its name. */
    String describe(Thread thread) {
        return describe(thread.getName());
    }

    String describe(String threadName) {
        return threadName.equals(testThreadName()) ? "the test method (" + threadName + ")" : "thread " + threadName;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable exception) {
        record(thread, exception);
    }

    /** Records that {@code exception} escaped {@code thread}; only the first of a run is kept. */
    void record(Thread thread, Throwable exception) {
        String detail = describe(thread) + " threw " + exception + where(exception.getStackTrace());
        firstException.compareAndSet(null, detail);
    }

    /** What the first exception that escaped a thread of this run was, and which thread threw it. */
    Optional<String> firstException() {
        return Optional.ofNullable(firstException.get());
    }

    /** The threads of this run that have started and not ended. */
    List<Thread> alive() {
        Thread[] threads = new Thread[activeCount() + 4];
        int count = enumerate(threads);
        // enumerate fills at most the array: when it is full, more threads may have started meanwhile.
        while (count == threads.length) {
            threads = new Thread[threads.length * 2];
            count = enumerate(threads);
        }
        return List.of(Arrays.copyOf(threads, count));
    }

    /** Where in the samples a stack is: its innermost frame there, or its innermost frame at all; with " at ". */
    static String where(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(frame -> frame.getClassName().startsWith(SampleMethod.PACKAGE + "."))
                .findFirst().or(() -> Arrays.stream(stack).findFirst())
                .map(frame -> " at " + simpleClassName(frame.getClassName()) + "." + frame.getMethodName() + "("
                        + frame.getFileName() + ":" + frame.getLineNumber() + ")")
                .orElse("");
    }

    private static String simpleClassName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
