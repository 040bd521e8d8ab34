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
        try {
            AgentInstaller.install(inst);
        } catch (NoClassDefFoundError missing) {
            // The agent jar does not carry Byte Buddy: the class path of the JVM it starts in must. Failing here would
            // stop the JVM before any test could say why; instead the engine attaches the agent itself later, from
            // the test class path, where Byte Buddy is
            instrumentation = null;
            System.err.println("Interleave: -javaagent could not start the agent: " + missing.getMessage()
                    + " is not on the JVM's class path (the agent jar needs net.bytebuddy:byte-buddy beside it, as"
                    + " Surefire's and interleave-maven-plugin's set-ups give it). The engine attaches the agent"
                    + " itself when tests execute instead. With the Console Launcher, start it with"
                    + " 'java -javaagent:... -cp <test class path> org.junit.platform.console.ConsoleLauncher'.");
        }
    }

    public static void agentmain(String arguments, Instrumentation inst) {
        premain(arguments, inst);
    }

    /** The instrumentation the JVM handed to {@link #premain}, or null when the JVM started without the agent. */
    static Instrumentation instrumentation() {
        return instrumentation;
    }
}
