package dev.interleave.engine.launcher;

import java.util.Locale;
import java.util.Optional;

import org.junit.platform.commons.JUnitException;

/**
 * When the engine attaches its agent to a JVM that was not started with it, as set by {@value #KEY}.
 */
public enum AttachMode {

    /**
     * The default: as early as the launcher lets tell that tests will execute, before test classes load (a
     * launcher session opened by a test runner's JVM, a discovery that serves an execution); otherwise when the
     * engine starts executing.
     */
    EARLY,
    /** Only when the engine starts executing tests: classes loaded before are retransformed. */
    EXECUTION,
    /** Never: the JVM must be started with {@code -javaagent}, or every {@code @ConcurrencyTest} fails. */
    NEVER;

    public static final String KEY = "interleave.agent.attach";

    /** The mode {@code value} names (any case); an absent value is {@link #EARLY}. Throws naming a bad value. */
    public static AttachMode parse(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            return EARLY;
        }
        try {
            return valueOf(value.get().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JUnitException(KEY + "=" + value.get() + " is not a mode Interleave knows: use early (the"
                    + " default), execution or never", e);
        }
    }
}
