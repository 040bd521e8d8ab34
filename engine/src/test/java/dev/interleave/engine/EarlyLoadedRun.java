package dev.interleave.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs in a JVM of its own, started by {@link RetransformTests}: loads a fixture class and its nested classes before
 * the agent attaches, runs the given methods through the engine, then runs the same methods of a twin of the fixture
 * that a class loader of its own loads after the agent attached, and prints what the engine reported for each.
 * Arguments: the fixture class, then method names.
 */
public final class EarlyLoadedRun {

    static final String RESULT = "---- result ";
    static final String END = "---- end ----";

    private EarlyLoadedRun() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> early = Class.forName(args[0]);
        for (Class<?> nested : early.getDeclaredClasses()) {
            Class.forName(nested.getName(), true, nested.getClassLoader());
        }
        // The first run attaches the agent and loads the engine's and the assertions' classes, on the test thread
        // too: done once before the runs compared, so that no run pays for it
        run(early, args[1]);
        for (int i = 1; i < args.length; i++) {
            print("early " + args[i], run(early, args[i]));
        }
        Class<?> late = new TwinClassLoader(EarlyLoadedRun.class.getClassLoader(),
                TwinClassLoader.fixture(args[0], true)).loadClass(args[0]);
        for (int i = 1; i < args.length; i++) {
            print("late " + args[i], run(late, args[i]));
        }
        System.out.println(END);
    }

    private static EngineExecutionResults run(Class<?> fixture, String method) {
        return EngineTestKit.engine("interleave")
                .selectors(selectMethod(fixture, method))
                .configurationParameter("interleave.failures.rerun", "false")
                .configurationParameter("interleave.shrink", "false")
                .configurationParameter("interleave.failures.dir", "target/interleave-early-loaded")
                .execute();
    }

    private static void print(String label, EngineExecutionResults results) {
        TestExecutionResult result = results.testEvents().finished().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .findFirst().orElseThrow();
        Map<String, String> entries = new TreeMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        entries.remove("interleave.millis");
        System.out.println(RESULT + label);
        System.out.println(entries);
        System.out.println(result.getThrowable().map(Throwable::getMessage).orElse("passed"));
    }
}
