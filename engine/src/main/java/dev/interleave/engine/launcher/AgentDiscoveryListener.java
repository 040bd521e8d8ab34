package dev.interleave.engine.launcher;

import dev.interleave.engine.execution.AgentStatus;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Attaches the agent when the launcher starts a discovery that serves an execution ({@code Launcher.execute} with
 * a discovery request), before any engine resolves a selector and so before test classes load. A discovery alone
 * ({@code Launcher.discover}: a build tool or an IDE listing tests) leaves the JVM as it is. Loaded by the launcher
 * through {@code META-INF/services}.
 */
public final class AgentDiscoveryListener implements LauncherDiscoveryListener {

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        AttachMode mode = AttachMode.parse(request.getConfigurationParameters().get(AttachMode.KEY));
        if (mode == AttachMode.EARLY && TestJvm.discoveringForExecution()) {
            AgentStatus.attach();
        }
    }
}
