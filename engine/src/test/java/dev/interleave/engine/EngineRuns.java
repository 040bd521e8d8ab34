package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.interleave.ConcurrencyFailure;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs one fixture method through the engine with the test kit and hands back what the engine reported. */
final class EngineRuns {

    final TestExecutionResult result;
    final Map<String, String> entries;

    private EngineRuns(TestExecutionResult result, Map<String, String> entries) {
        this.result = result;
        this.entries = entries;
    }

    static EngineRuns run(Class<?> fixture, String method, String... parameters) {
        EngineTestKit.Builder builder = EngineTestKit.engine("interleave").selectors(selectMethod(fixture, method));
        for (int i = 0; i < parameters.length; i += 2) {
            builder.configurationParameter(parameters[i], parameters[i + 1]);
        }
        EngineExecutionResults results = builder.execute();
        List<Event> finished = results.testEvents().finished().list();
        assertThat(finished).as("one test ran").hasSize(1);
        Map<String, String> entries = new HashMap<>();
        results.testEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        return new EngineRuns(finished.get(0).getRequiredPayload(TestExecutionResult.class), entries);
    }

    boolean passed() {
        return result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
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
