package dev.interleave.engine.execution;

import dev.interleave.report.html.RunResults;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What every node of one execution shares: the configuration and the listener that reports to the platform. */
public final class InterleaveExecutionContext implements EngineExecutionContext {

    private final ConfigurationParameters configuration;
    private final EngineExecutionListener listener;
    private final RunResults results = new RunResults();

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

    /** The tests' results for the HTML report, written when the execution ends. */
    public RunResults results() {
        return results;
    }
}
