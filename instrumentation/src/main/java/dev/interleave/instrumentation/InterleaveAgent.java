package dev.interleave.instrumentation;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points. With {@code -javaagent:interleave-instrumentation.jar} the JVM calls {@link #premain}
 * before any application class is loaded, so every class is instrumented as it loads. Without it the engine
 * attaches the agent itself on first use ({@link AgentInstaller}).
 */
public final class InterleaveAgent {

    private static volatile Instrumentation instrumentation;

    private InterleaveAgent() {
    }

    public static void premain(String arguments, Instrumentation inst) {
        instrumentation = inst;
        AgentInstaller.install(inst);
    }

    public static void agentmain(String arguments, Instrumentation inst) {
        premain(arguments, inst);
    }

    /** The instrumentation the JVM handed to {@link #premain}, or null when the JVM started without the agent. */
    static Instrumentation instrumentation() {
        return instrumentation;
    }
}
