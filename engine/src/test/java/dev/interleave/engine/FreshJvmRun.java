package dev.interleave.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs one fixture method through the engine in a JVM of its own, started by {@link FreshJvmReplayTests}, and prints
 * the failure's message. Arguments: the method ({@code Class#method}), a configuration key and its value, and the
 * folder failures are saved to.
 */
public final class FreshJvmRun {

    static final String END = "---- end of report ----";

    private FreshJvmRun() {
    }

    public static void main(String[] args) {
        TestExecutionResult result = EngineTestKit.engine("interleave")
                .selectors(selectMethod(args[0]))
                .configurationParameter(args[1], args[2])
                .configurationParameter("interleave.failures.dir", args[3])
                .configurationParameter("interleave.failures.rerun", "false")
                .execute().testEvents().finished().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .findFirst().orElseThrow();
        System.out.println(result.getThrowable().map(Throwable::getMessage).orElse("passed"));
        System.out.println(END);
    }
}
