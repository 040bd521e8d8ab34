package dev.interleave.engine.launcher;

import dev.interleave.engine.execution.AgentStatus;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Attaches the agent when a test runner's JVM opens a launcher session, before any engine discovers and before the
 * runner loads a test class, so that every class is instrumented as it loads, as with {@code -javaagent}. Loaded by
 * the launcher through {@code META-INF/services}.
 */
public final class AgentSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LauncherSessions.opened();
        if (SessionSettings.attachMode() == AttachMode.EARLY && TestJvm.startedByTestRunner()) {
            AgentStatus.attach();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        LauncherSessions.closed();
    }
}
