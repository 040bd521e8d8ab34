package dev.interleave.engine.execution;

import dev.interleave.engine.statics.StaticState;
import dev.interleave.instrumentation.AgentInstaller;
import dev.interleave.instrumentation.AgentUnavailableException;
import dev.interleave.instrumentation.TransformationLog;
import org.junit.platform.commons.JUnitException;

/**
 * Whether the agent is in this JVM. Attaching happens once, at the start of discovery; if it failed, every
 * {@code @ConcurrencyTest} fails with the reason and the fix, so that a test is never silently skipped.
 */
public final class AgentStatus {

    private static AgentInstaller.Installation installation;
    private static AgentUnavailableException failure;

    private AgentStatus() {
    }

    public static synchronized void attach() {
        if (installation != null || failure != null) {
            return;
        }
        try {
            installation = AgentInstaller.install();
        } catch (AgentUnavailableException e) {
            failure = e;
        }
    }

    /**
     * Tests start to execute: the JDK's explored classes get their hooks. Returns whether they did, that is whether
     * the agent is there, and then {@link #endJdkExploration()} must follow.
     */
    public static synchronized boolean beginJdkExploration() {
        if (installation == null) {
            return false;
        }
        installation.beginJdkExploration();
        return true;
    }

    public static synchronized void endJdkExploration() {
        installation.endJdkExploration();
    }

    /** Throws with the reason when the agent is not there, or when {@code testClass} was not instrumented. */
    static synchronized TransformationLog requireInstrumented(Class<?> testClass) {
        attach();
        if (failure != null) {
            throw new JUnitException(failure.getMessage(), failure.getCause());
        }
        TransformationLog log = installation.log();
        if (!log.isInstrumented(testClass)) {
            Throwable cause = log.failure(testClass).orElse(null);
            throw new JUnitException("Interleave could not instrument " + testClass.getName()
                    + (cause == null ? " (it was not offered to the agent: is it loaded by the platform class loader,"
                    + " or in a package Interleave leaves alone?)" : " (" + cause + ")")
                    + ", so its @ConcurrencyTest methods cannot be explored. Starting the test JVM with the agent"
                    + " instruments every class as it loads: " + AgentInstaller.SUREFIRE_ARG_LINE, cause);
        }
        return log;
    }

    /**
     * The static state of the classes {@code testClass}'s schedules touch, to be put back between them;
     * {@code exclusive} when no other test runs meanwhile. Call after {@link #requireInstrumented}.
     */
    static synchronized StaticState staticStateOf(Class<?> testClass, boolean exclusive) {
        AgentInstaller.Installation agent = installation;
        return new StaticState(testClass, agent::loadedApplicationClasses, agent.log()::transformations, exclusive);
    }
}
