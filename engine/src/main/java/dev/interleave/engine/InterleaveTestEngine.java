package dev.interleave.engine;

import java.util.Optional;

import dev.interleave.engine.descriptor.InterleaveEngineDescriptor;
import dev.interleave.engine.discovery.ConcurrencyTestResolver;
import dev.interleave.engine.execution.AgentStatus;
import dev.interleave.engine.execution.InterleaveExecutionContext;
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
 * The JUnit Platform engine that runs {@link dev.interleave.ConcurrencyTest} methods. It attaches the agent at the
 * start of discovery, so that the test classes it loads are instrumented as they load.
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
        AgentStatus.attach();
        EngineDescriptor engine = new InterleaveEngineDescriptor(uniqueId);
        RESOLVER.resolve(request, engine);
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

    @Override
    protected InterleaveExecutionContext createExecutionContext(ExecutionRequest request) {
        return new InterleaveExecutionContext(request.getConfigurationParameters(),
                request.getEngineExecutionListener());
    }
}
