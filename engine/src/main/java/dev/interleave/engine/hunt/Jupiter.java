package dev.interleave.engine.hunt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;

/**
 * The Jupiter engine of the test class path, found as the launcher finds it (a service), so that Interleave needs
 * no compile dependency on {@code junit-jupiter-engine}: it discovers and runs hunted tests exactly as Jupiter
 * would, extensions, lifecycle methods and parameter resolvers included.
 */
final class Jupiter {

    static final String ENGINE_ID = "junit-jupiter";

    private static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";
    private static final String AUTODETECTION_INCLUDE = "junit.jupiter.extensions.autodetection.include";

    private final TestEngine engine;
    private final ConfigurationParameters configuration;
    private final OutputDirectoryCreator outputDirectories;
    /** The context class loader of executions inside schedules, made at the first. */
    private ExtensionServices services;

    private Jupiter(TestEngine engine, ConfigurationParameters configuration,
            OutputDirectoryCreator outputDirectories) {
        this.engine = engine;
        this.configuration = configuration;
        this.outputDirectories = outputDirectories;
    }

    /** Jupiter, with the configuration and output directories of the request Interleave was given. */
    static Jupiter of(EngineDiscoveryRequest request) {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(Jupiter.class.getClassLoader());
        for (TestEngine engine : ServiceLoader.load(TestEngine.class, loader)) {
            if (engine.getId().equals(ENGINE_ID)) {
                return new Jupiter(engine, request.getConfigurationParameters(),
                        request.getOutputDirectoryCreator());
            }
        }
        throw new JUnitException("interleave.hunt=true hunts the project's JUnit Jupiter tests, but the Jupiter"
                + " engine (org.junit.jupiter:junit-jupiter-engine) is not on the test class path; add it as a test"
                + " dependency (org.junit.jupiter:junit-jupiter brings it)");
    }

    /** Jupiter's tests for the selectors and filters of {@code request}, as Jupiter itself would run them. */
    TestDescriptor discover(EngineDiscoveryRequest request) {
        return engine.discover(new Request(request.getConfigurationParameters(), request, null, null),
                UniqueId.forEngine(ENGINE_ID));
    }

    /**
     * Jupiter's tree for one test or invocation, discovered anew, ready for one execution; {@code inSchedule}: for
     * executions inside schedules ({@link #executeInSchedule}).
     */
    TestDescriptor discover(UniqueId test, boolean inSchedule) {
        ConfigurationParameters parameters = inSchedule ? new Overridden(configuration, inSchedules()) : configuration;
        return engine.discover(new Request(parameters, null, DiscoverySelectors.selectUniqueId(test), outputDirectories),
                UniqueId.forEngine(ENGINE_ID));
    }

    /**
     * Inside a schedule: no parallel execution (one test thread, the scheduler's); no {@code @Timeout} thread, since
     * time there is virtual and a schedule's own bounds stop a test that never ends; and {@link EnteringTestCode},
     * through extension auto-detection: alone, unless the project detects extensions itself, whose own then come too.
     */
    private Map<String, String> inSchedules() {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("junit.jupiter.execution.parallel.enabled", "false");
        values.put("junit.jupiter.execution.timeout.mode", "disabled");
        boolean projectDetects = configuration.getBoolean(AUTODETECTION).orElse(false);
        values.put(AUTODETECTION, "true");
        if (!projectDetects) {
            values.put(AUTODETECTION_INCLUDE, EnteringTestCode.class.getName());
        } else {
            configuration.get(AUTODETECTION_INCLUDE).filter(include -> !include.isBlank()).ifPresent(include ->
                    values.put(AUTODETECTION_INCLUDE, include + "," + EnteringTestCode.class.getName()));
        }
        return values;
    }

    /** The tree of one test, for every schedule of its hunt: made outside schedules. */
    TreeForSchedules forSchedules(UniqueId test) {
        if (services == null) {
            ClassLoader original = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                    .orElse(Jupiter.class.getClassLoader());
            services = new ExtensionServices(original, configuration.getBoolean(AUTODETECTION).orElse(false));
        }
        return new TreeForSchedules(this, test);
    }

    /** Executes a tree {@link #forSchedules} gave, on a schedule's test thread, with {@link ExtensionServices}. */
    void executeInSchedule(TreeForSchedules tree, TestDescriptor root, EngineExecutionListener listener) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(services);
        try {
            tree.execute(root, () -> execute(root, listener));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    void execute(TestDescriptor root, EngineExecutionListener listener) {
        engine.execute(ExecutionRequest.create(root, listener, configuration, outputDirectories,
                new NamespacedHierarchicalStore<Namespace>(new NamespacedHierarchicalStore<Namespace>(null)),
                CancellationToken.disabled()));
    }

    /** A discovery request of its own, whose discovery issues stay here: Jupiter reports them in its own run. */
    private static final class Request implements EngineDiscoveryRequest {

        private final ConfigurationParameters configuration;
        private final EngineDiscoveryRequest outer;
        private final DiscoverySelector selector;
        private final OutputDirectoryCreator outputDirectories;

        Request(ConfigurationParameters configuration, EngineDiscoveryRequest outer, DiscoverySelector selector,
                OutputDirectoryCreator outputDirectories) {
            this.configuration = configuration;
            this.outputDirectories = outputDirectories;
            this.outer = outer;
            this.selector = selector;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends DiscoverySelector> List<T> getSelectorsByType(Class<T> type) {
            if (outer != null) {
                return outer.getSelectorsByType(type);
            }
            return type.isInstance(selector) ? List.of((T) selector) : List.of();
        }

        @Override
        public <T extends DiscoveryFilter<?>> List<T> getFiltersByType(Class<T> type) {
            return outer != null ? outer.getFiltersByType(type) : List.of();
        }

        @Override
        public ConfigurationParameters getConfigurationParameters() {
            return configuration;
        }

        @Override
        public EngineDiscoveryListener getDiscoveryListener() {
            return EngineDiscoveryListener.NOOP;
        }

        @Override
        public OutputDirectoryCreator getOutputDirectoryCreator() {
            return outer != null ? outer.getOutputDirectoryCreator() : outputDirectories;
        }
    }

    /** Configuration parameters with a few of them given other values. */
    private static final class Overridden implements ConfigurationParameters {

        private final ConfigurationParameters base;
        private final Map<String, String> values;

        Overridden(ConfigurationParameters base, Map<String, String> values) {
            this.base = base;
            this.values = values;
        }

        @Override
        public Optional<String> get(String key) {
            return values.containsKey(key) ? Optional.of(values.get(key)) : base.get(key);
        }

        @Override
        public Optional<Boolean> getBoolean(String key) {
            return get(key).map(value -> Boolean.valueOf(value.trim()));
        }

        @Override
        public Set<String> keySet() {
            Set<String> keys = new TreeSet<>(base.keySet());
            keys.addAll(values.keySet());
            return keys;
        }
    }
}
