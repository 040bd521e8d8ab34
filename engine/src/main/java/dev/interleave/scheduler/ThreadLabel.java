package dev.interleave.scheduler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a report names a managed thread: by its deterministic id, plus its name when the code under test gave it
 * one. The JVM's default names ({@code Thread-17}) count every thread the JVM ever started, so they differ from run
 * to run and are left out; so is the pool number in the names of a default thread pool's workers
 * ({@code pool-906-thread-1}), which counts every pool the JVM ever made.
 */
public final class ThreadLabel {

    private static final Pattern DEFAULT_NAME = Pattern.compile("Thread-\\d+");
    private static final Pattern POOL_WORKER = Pattern.compile("pool-\\d+-thread-(\\d+)");

    private ThreadLabel() {
    }

    public static String of(int id, String name) {
        if (DEFAULT_NAME.matcher(name).matches()) {
            return "thread " + id;
        }
        Matcher worker = POOL_WORKER.matcher(name);
        return "thread " + id + " (" + (worker.matches() ? "pool worker " + worker.group(1) : name) + ")";
    }
}
