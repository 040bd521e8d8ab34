package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;

import dev.interleave.fixtures.ChildThreadAssertion;
import dev.interleave.fixtures.CorrectPrograms;
import dev.interleave.fixtures.Deadlocks;
import dev.interleave.fixtures.LostUpdateCounter;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

class ParallelTests {

    private static int maxRunningAtOnce;

    private static Map<String, String> verdicts(boolean parallel) {
        EngineTestKit.Builder builder = EngineTestKit.engine("interleave").selectors(
                selectClass(CorrectPrograms.class), selectClass(LostUpdateCounter.class),
                selectClass(Deadlocks.class), selectClass(ChildThreadAssertion.class))
                // both runs save to the same place, and neither replays what the other saved
                .configurationParameter("interleave.failures.dir", "target/interleave-parallel")
                .configurationParameter("interleave.failures.rerun", "false");
        if (parallel) {
            builder.configurationParameter("interleave.parallel.enabled", "true")
                    .configurationParameter("interleave.parallel.config.strategy", "fixed")
                    .configurationParameter("interleave.parallel.config.fixed.parallelism", "3");
        }
        Map<String, String> verdicts = new TreeMap<>();
        EngineExecutionResults results = builder.execute();
        int running = 0;
        maxRunningAtOnce = 0;
        for (Event event : results.testEvents().list()) {
            if (event.getType() == EventType.STARTED) {
                maxRunningAtOnce = Math.max(maxRunningAtOnce, ++running);
            } else if (event.getType() == EventType.FINISHED) {
                running--;
            }
        }
        for (Event event : results.testEvents().finished().list()) {
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            verdicts.put(event.getTestDescriptor().getUniqueId().toString(),
                    result.getStatus() + " " + result.getThrowable().map(Throwable::getMessage).orElse(""));
        }
        return verdicts;
    }

    @Test
    void parallelRunsGiveTheVerdictsAndReportsOfSequentialRuns() {
        Map<String, String> sequential = verdicts(false);
        assertThat(maxRunningAtOnce).isEqualTo(1);
        Map<String, String> parallel = verdicts(true);
        assertThat(maxRunningAtOnce).as("explorations running at once").isGreaterThan(1);

        assertThat(sequential).hasSize(8);
        assertThat(parallel).isEqualTo(sequential);
    }
}
