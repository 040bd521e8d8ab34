package dev.interleave.engine.descriptor;

import dev.interleave.engine.execution.AgentStatus;
import dev.interleave.engine.execution.InterleaveExecutionContext;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The engine's root: while its tests execute, the JDK's explored classes carry their hooks, and only then (see
 * {@code JdkExploration}), so that a JVM that merely discovers tests, or has finished running them, runs the JDK as
 * it is.
 */
public final class InterleaveEngineDescriptor extends EngineDescriptor implements Node<InterleaveExecutionContext> {

    private boolean exploringJdk;

    public InterleaveEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Interleave");
    }

    @Override
    public InterleaveExecutionContext before(InterleaveExecutionContext context) {
        exploringJdk = AgentStatus.beginJdkExploration();
        return context;
    }

    @Override
    public void after(InterleaveExecutionContext context) {
        context.results().writeIndexes().forEach(line -> System.out.println("[interleave] " + line));
        if (exploringJdk) {
            exploringJdk = false;
            AgentStatus.endJdkExploration();
        }
    }
}
