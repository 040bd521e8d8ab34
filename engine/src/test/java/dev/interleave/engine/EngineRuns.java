package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.interleave.ConcurrencyFailure;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs one fixture method through the engine with the test kit and hands back what the engine reported. */
final class EngineRuns {

    final EngineExecutionResults results;
    final TestExecutionResult result;
    final Map<String, String> entries;
    /** Wall-clock time of the whole engine execution: discovery, every schedule, the report. */
    final Duration wallTime;

    private EngineRuns(EngineExecutionResults results, TestExecutionResult result, Map<String, String> entries,
            Duration wallTime) {
        this.results = results;
        this.result = result;
        this.entries = entries;
        this.wallTime = wallTime;
    }

    /** Runs {@code fixture#method()}; {@code parameters} are configuration parameters, as key, value, key, ... */
    static EngineRuns run(Class<?> fixture, String method, String... parameters) {
        return run(selectMethod(fixture, method), parameters);
    }

    /**
     * Runs the one test {@code selector} selects; {@code parameters} as for {@link #run(Class, String, String...)}.
     * Unless they name one, failing schedules are saved to a new folder of their own, so that no run replays what
     * another saved.
     */
    static EngineRuns run(DiscoverySelector selector, String... parameters) {
        assertThat(parameters.length % 2).as("parameters come as key, value pairs").isZero();
        EngineTestKit.Builder builder = EngineTestKit.engine("interleave").selectors(selector);
        boolean folderGiven = false;
        for (int i = 0; i < parameters.length; i += 2) {
            builder.configurationParameter(parameters[i], parameters[i + 1]);
            folderGiven |= parameters[i].equals("interleave.failures.dir");
        }
        if (!folderGiven) {
            builder.configurationParameter("interleave.failures.dir", freshFolder().toString());
        }
        long started = System.nanoTime();
        EngineExecutionResults results = builder.execute();
        Duration wallTime = Duration.ofNanos(System.nanoTime() - started);
        List<Event> finished = results.testEvents().finished().list();
        assertThat(finished).as("one test ran").hasSize(1);
        Map<String, String> entries = new HashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        return new EngineRuns(results, finished.get(0).getRequiredPayload(TestExecutionResult.class), entries,
                wallTime);
    }

    private static Path freshFolder() {
        try {
            Path target = Paths.get("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "interleave-run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The interleaving table of a failure's report, from its headline on: what a replay must print the same. */
    static String interleaving(ConcurrencyFailure failure) {
        String message = failure.getMessage();
        return message.substring(message.indexOf("\nInterleaving, "));
    }

    boolean passed() {
        return result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
    }

    /** Asserts that the test passed every one of its {@code schedules} schedules. */
    EngineRuns assertPassedAll(int schedules) {
        assertThat(result.getStatus()).as("%s", result).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(entries).containsEntry("interleave.verdict", "passed")
                .containsEntry("interleave.schedules", Integer.toString(schedules));
        return this;
    }

    Throwable throwable() {
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow();
    }

    ConcurrencyFailure failure() {
        Throwable thrown = throwable();
        assertThat(thrown).isInstanceOf(ConcurrencyFailure.class);
        return (ConcurrencyFailure) thrown;
    }
}
