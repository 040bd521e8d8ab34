package dev.interleave.scheduler;

import java.util.regex.Pattern;

/**
 * How a report names a managed thread: by its deterministic id, plus its name when the code under test gave it
 * one. The JVM's default names ({@code Thread-17}) count every thread the JVM ever started, so they differ from run
 * to run and are left out.
 */
public final class ThreadLabel {

    private static final Pattern DEFAULT_NAME = Pattern.compile("Thread-\\d+");

    private ThreadLabel() {
    }

    public static String of(int id, String name) {
        return DEFAULT_NAME.matcher(name).matches() ? "thread " + id : "thread " + id + " (" + name + ")";
    }
}
