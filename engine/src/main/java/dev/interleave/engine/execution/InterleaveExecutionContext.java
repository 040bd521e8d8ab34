package dev.interleave.engine.execution;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What every node of one execution shares: the configuration and the listener that reports to the platform. */
public final class InterleaveExecutionContext implements EngineExecutionContext {

    private final ConfigurationParameters configuration;
    private final EngineExecutionListener listener;

    public InterleaveExecutionContext(ConfigurationParameters configuration, EngineExecutionListener listener) {
        this.configuration = configuration;
        this.listener = listener;
    }

    public ConfigurationParameters configuration() {
        return configuration;
    }

    public EngineExecutionListener listener() {
        return listener;
    }
}
