package dev.interleave.engine.execution;

import dev.interleave.engine.statics.StaticState;
import dev.interleave.instrumentation.AgentInstaller;
import dev.interleave.instrumentation.AgentUnavailableException;
import dev.interleave.instrumentation.TransformationLog;
import org.junit.platform.commons.JUnitException;

/**
 * Whether the agent is in this JVM. It is attached once, as early as the launcher lets tell that tests will execute
 * here (see {@code dev.interleave.engine.launcher}), at the latest when the engine starts executing; if that
 * failed, every {@code @ConcurrencyTest} fails with the reason and the fix, so that a test is never silently
 * skipped. Every method is safe to call from any thread, any number of times.
 */
public final class AgentStatus {

    private static AgentInstaller.Installation installation;
    private static AgentUnavailableException failure;

    private AgentStatus() {
    }

    /** Attaches the agent unless it is there (or attaching failed before, which is kept as the reason). */
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

    /** Takes the agent the JVM was started with, if it was, without ever attaching one. */
    public static synchronized void adoptStartupAgent() {
        if (installation != null || failure != null) {
            return;
        }
        try {
            installation = AgentInstaller.installedAtStartup().orElse(null);
        } catch (AgentUnavailableException e) {
            failure = e;
        }
    }

    /** Whether the agent is installed in this JVM, by {@code -javaagent} or by {@link #attach()}. */
    /** Whether {@code type} was instrumented as it loaded (the agent came in first), not retransformed later. */
    public static synchronized boolean instrumentedAsItLoaded(Class<?> type) {
        return installation != null && installation.log().wasInstrumentedAsItLoaded(type);
    }

    public static synchronized boolean isAttached() {
        return installation != null;
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
    public static synchronized TransformationLog requireInstrumented(Class<?> testClass) {
        adoptStartupAgent();
        if (failure != null) {
            throw new JUnitException(failure.getMessage(), failure.getCause());
        }
        if (installation == null) {
            throw new JUnitException("Interleave's agent is not in this JVM, and interleave.agent.attach=never"
                    + " forbids attaching it, so " + testClass.getName() + " cannot be explored. Start the test JVM"
                    + " with the agent: " + AgentInstaller.SUREFIRE_ARG_LINE);
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
    public static synchronized StaticState staticStateOf(Class<?> testClass, boolean exclusive) {
        AgentInstaller.Installation agent = installation;
        return new StaticState(testClass, agent::loadedApplicationClasses, agent.log()::transformations, exclusive);
    }
}
