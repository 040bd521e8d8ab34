package dev.interleave.engine.execution;

import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

import dev.interleave.instrumentation.AgentInstaller;
import dev.interleave.instrumentation.TransformationLog;
import org.junit.platform.commons.JUnitException;

/**
 * Refuses to explore a test whose code can reach application classes the agent could not instrument: their code
 * would run without scheduling points, and the test would pass as if it had been explored. Checked once per
 * exploration, against the agent's log, for the classes the test class's loader can see.
 */
public final class UnexploredClasses {

    /** How many classes the message names; the rest are counted. */
    private static final int NAMED = 10;

    private UnexploredClasses() {
    }

    /** Throws, naming the classes, their causes and the fix, when {@code testClass} can reach any. */
    public static void check(TransformationLog log, Class<?> testClass) {
        SortedMap<String, Throwable> failures = log.failuresVisibleTo(testClass.getClassLoader());
        if (failures.isEmpty()) {
            return;
        }
        String named = failures.entrySet().stream().limit(NAMED)
                .map(UnexploredClasses::describe)
                .collect(Collectors.joining("; "));
        int more = failures.size() - NAMED;
        throw new JUnitException("Interleave could not instrument " + failures.size()
                + (failures.size() == 1 ? " class" : " classes") + " that " + testClass.getName()
                + " can reach, so code of theirs that a test thread runs would not be explored: " + named
                + (more > 0 ? "; and " + more + " more" : "")
                + ". Starting the test JVM with the agent instruments every class as it loads: "
                + AgentInstaller.SUREFIRE_ARG_LINE);
    }

    private static String describe(Map.Entry<String, Throwable> failure) {
        return failure.getKey() + " (" + failure.getValue() + ")";
    }
}
