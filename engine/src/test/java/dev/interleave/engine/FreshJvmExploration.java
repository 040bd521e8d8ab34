package dev.interleave.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Explores one fixture method through the engine in a JVM of its own and prints its result and the exploration's
 * figures that depend on the schedules alone (steps, interleavings, the longest schedule), one a line. Arguments: the
 * method ({@code Class#method}), then configuration keys and their values.
 */
public final class FreshJvmExploration {

    static final String END = "---- end of exploration ----";
    static final List<String> FIGURES = List.of("interleave.steps", "interleave.interleavings",
            "interleave.longestSchedule");

    private FreshJvmExploration() {
    }

    public static void main(String[] args) {
        EngineTestKit.Builder builder = EngineTestKit.engine("interleave").selectors(selectMethod(args[0]))
                .configurationParameter("interleave.failures.rerun", "false");
        for (int i = 1; i + 1 < args.length; i += 2) {
            builder.configurationParameter(args[i], args[i + 1]);
        }
        EngineExecutionResults results = builder.execute();
        TestExecutionResult result = results.testEvents().finished().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .findFirst().orElseThrow();
        Map<String, String> entries = new TreeMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        System.out.println("result: " + result.getStatus());
        for (String figure : FIGURES) {
            System.out.println(figure + "=" + entries.get(figure));
        }
        System.out.println(END);
    }
}
