package dev.interleave.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interleave.fixtures.CorrectPrograms;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixtures through the engine in a JVM started by {@link AgentForbiddenTests}, and prints what happened. */
public final class ForbiddenAgentRun {

    private ForbiddenAgentRun() {
    }

    public static void main(String[] args) {
        EngineExecutionResults results = EngineTestKit.engine("interleave")
                .selectors(selectClass(CorrectPrograms.class)).execute();
        System.out.printf("tests: %d, failed: %d, skipped: %d, succeeded: %d%n",
                results.testEvents().finished().count() + results.testEvents().skipped().count(),
                results.testEvents().failed().count(), results.testEvents().skipped().count(),
                results.testEvents().succeeded().count());
        results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .forEach(thrown -> System.out.println(thrown.getMessage()));
    }
}
