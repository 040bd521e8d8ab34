package dev.interleave.engine;

import java.util.Optional;

import dev.interleave.engine.descriptor.InterleaveEngineDescriptor;
import dev.interleave.engine.discovery.ConcurrencyTestResolver;
import dev.interleave.engine.execution.AgentStatus;
import dev.interleave.engine.execution.InterleaveExecutionContext;
import dev.interleave.engine.hunt.HuntDiscovery;
import dev.interleave.engine.launcher.AttachMode;
import dev.interleave.engine.launcher.LauncherSessions;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.ParallelHierarchicalTestExecutorServiceFactory;

/**
 * The JUnit Platform engine that runs {@link dev.interleave.ConcurrencyTest} methods. The agent is attached before
 * test classes load where the launcher lets tell that tests will execute (see {@code dev.interleave.engine.launcher});
 * outside a launcher session at the start of discovery; at the latest when execution starts, never in a JVM that
 * only discovers.
 */
public final class InterleaveTestEngine extends HierarchicalTestEngine<InterleaveExecutionContext> {

    public static final String ENGINE_ID = "interleave";
    static final String PARALLEL_ENABLED = "interleave.parallel.enabled";
    static final String PARALLEL_CONFIG_PREFIX = "interleave.parallel.config.";

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addClassContainerSelectorResolver(ConcurrencyTestResolver::isTestClass)
                    .addSelectorResolver(new ConcurrencyTestResolver())
                    .addTestDescriptorVisitor(context -> TestDescriptor::prune)
                    .build();

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getVersion() {
        return Optional.of(FrameworkVersion.current());
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.interleave");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("interleave-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        // Inside a launcher session the launcher's hooks attach when they can tell that tests will execute; a
        // discovery outside any (a launcher without those hooks) attaches here, before it loads the test classes
        if (attachMode(request.getConfigurationParameters()) == AttachMode.EARLY && !LauncherSessions.anyOpen()) {
            AgentStatus.attach();
        }
        EngineDescriptor engine = new InterleaveEngineDescriptor(uniqueId);
        RESOLVER.resolve(request, engine);
        HuntDiscovery.discover(request, engine);
        return engine;
    }

    /**
     * With {@code interleave.parallel.enabled=true}, several {@code @ConcurrencyTest}s run at once, each with its
     * own scheduler; {@code interleave.parallel.config.*} tunes the pool as {@code junit.jupiter.execution.parallel
     * .config.*} does Jupiter's.
     */
    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        ConfigurationParameters configuration = request.getConfigurationParameters();
        if (configuration.getBoolean(PARALLEL_ENABLED).orElse(false)) {
            return ParallelHierarchicalTestExecutorServiceFactory.create(
                    new PrefixedConfigurationParameters(configuration, PARALLEL_CONFIG_PREFIX));
        }
        return super.createExecutorService(request);
    }

    private static AttachMode attachMode(ConfigurationParameters configuration) {
        return AttachMode.parse(configuration.get(AttachMode.KEY));
    }

    @Override
    protected InterleaveExecutionContext createExecutionContext(ExecutionRequest request) {
        if (!request.getRootTestDescriptor().getChildren().isEmpty()) {
            if (attachMode(request.getConfigurationParameters()) == AttachMode.NEVER) {
                AgentStatus.adoptStartupAgent();
            } else {
                AgentStatus.attach();
            }
        }
        return new InterleaveExecutionContext(request.getConfigurationParameters(),
                request.getEngineExecutionListener());
    }
}
