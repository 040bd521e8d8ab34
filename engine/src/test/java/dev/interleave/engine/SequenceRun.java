package dev.interleave.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture methods through the engine one after the other in a JVM of its own, as the tests of one build share a
 * JVM, and prints each one's result on a line: {@code Class#method: SUCCESSFUL} or {@code Class#method: FAILED: }
 * and the message, with its causes. An argument {@code call:Class#method} calls a public static method of no
 * arguments instead, as plain code outside the engine, and prints what it returned or threw.
 */
public final class SequenceRun {

    static final String END = "---- end of sequence ----";

    private SequenceRun() {
    }

    public static void main(String[] args) throws Exception {
        for (String test : args) {
            if (test.startsWith("call:")) {
                String method = test.substring("call:".length());
                int hash = method.indexOf('#');
                String line;
                try {
                    Object value = Class.forName(method.substring(0, hash)).getMethod(method.substring(hash + 1))
                            .invoke(null);
                    line = "SUCCESSFUL: " + value;
                } catch (java.lang.reflect.InvocationTargetException e) {
                    line = "FAILED: " + describe(e.getCause());
                }
                System.out.println(test + ": " + line.replace('\n', ' '));
                continue;
            }
            TestExecutionResult result = EngineTestKit.engine("interleave")
                    .selectors(selectMethod(test))
                    .configurationParameter("interleave.failures.rerun", "false")
                    .configurationParameter("interleave.failures.dir",
                            System.getProperty("sequence.failures", "target/interleave-sequence"))
                    .execute().testEvents().finished().stream()
                    .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                    .findFirst().orElseThrow();
            String line = result.getStatus() + result.getThrowable().map(e -> ": " + describe(e)).orElse("");
            System.out.println(test + ": " + line.replace('\n', ' '));
        }
        System.out.println(END);
    }

    private static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable at = thrown; at != null; at = at.getCause()) {
            text.append(text.length() == 0 ? "" : " caused by ").append(at.getClass().getName()).append(": ")
                    .append(at.getMessage());
        }
        return text.toString();
    }
}
