package dev.interleave.samples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

import dev.interleave.instrumentation.AgentInstaller;

/**
 * Starts a main class of the samples (the demo, a benchmark) with Interleave's agent attached before any class of
 * theirs loads: {@code AgentFirst <main class> [arguments...]}. A class loaded before the agent and not yet run (a
 * nested class the verifier loaded, say) is never instrumented, and the engine refuses to explore a test that can
 * reach one; loaded after, every class is instrumented as it loads, as under {@code -javaagent}.
 *
 * <p>No nested classes, no lambdas: this class is the only one of the samples loaded before the agent, and it runs.
 */
public final class AgentFirst {

    private AgentFirst() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("name the main class to start after the agent, e.g. "
                    + "dev.interleave.samples.Demo");
        }
        AgentInstaller.install();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
