package dev.interleave.samples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Replays one hunted test's schedule file in a JVM of its own, started by {@link HuntSampleTests}, with the
 * parameters a finding's replay line gives, and prints the failure's message. Arguments: the test
 * ({@code Class#method}), the file, and a folder for what the run saves.
 */
public final class HuntReplayRun {

    static final String START = "---- report ----";
    static final String END = "---- end of report ----";

    private HuntReplayRun() {
    }

    public static void main(String[] args) {
        String test = args[0];
        TestExecutionResult result = EngineTestKit.engine("interleave")
                .selectors(selectClass(test.substring(0, test.indexOf('#'))))
                .configurationParameter("interleave.hunt", "true")
                .configurationParameter("interleave.hunt.include", test)
                .configurationParameter("interleave.replay", args[1])
                .configurationParameter("interleave.failures.dir", args[2])
                .execute().testEvents().finished().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .findFirst().orElseThrow();
        System.out.println(START);
        System.out.println(result.getThrowable().map(Throwable::getMessage).orElse("passed"));
        System.out.println(END);
    }
}
