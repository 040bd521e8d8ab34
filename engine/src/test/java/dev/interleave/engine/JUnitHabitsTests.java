package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.engine.execution.LifecycleMethodFailure;
import dev.interleave.fixtures.Annotated;
import dev.interleave.fixtures.FailingSetUp;
import dev.interleave.fixtures.Lifecycle;
import dev.interleave.fixtures.MixedEngines;
import dev.interleave.fixtures.Outer;
import dev.interleave.fixtures.RacySetUp;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class JUnitHabitsTests {

    @Test
    void runsJupiterLifecycleMethodsInJupitersOrder() {
        Lifecycle.ORDERS.clear();
        int beforeAll = Lifecycle.BEFORE_ALL.get();
        int afterAll = Lifecycle.AFTER_ALL.get();

        EngineRuns run = EngineRuns.run(Lifecycle.class, "countsWithTheHelper");

        assertThat(run.passed()).as("%s", run.result).isTrue();
        assertThat(Lifecycle.BEFORE_ALL.get() - beforeAll).isEqualTo(1);
        assertThat(Lifecycle.AFTER_ALL.get() - afterAll).isEqualTo(1);
        assertThat(Lifecycle.ORDERS).hasSize(40)
                .containsOnly("interface set-up, base set-up, set-up, test, tear-down, base tear-down");
    }

    @Test
    void aClassThatCannotBeInstrumentedFailsLoudlyWithTheFix() {
        Throwable thrown = EngineRuns.run(NotInstrumentable.class, "neverExplored").throwable();

        assertThat(thrown).hasMessageStartingWith("Interleave could not instrument "
                        + "dev.interleave.engine.NotInstrumentable")
                .hasMessageContaining("-javaagent:${dev.interleave:interleave-instrumentation:jar}");
    }

    @Test
    void setUpRunsUnderTheSchedulerWithTheTest() {
        ConcurrencyFailure failure = EngineRuns.run(RacySetUp.class, "racesWithTheHelper").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).contains("RacySetUp.lambda$startHelper$0(RacySetUp.java:");
    }

    @Test
    void aFailingSetUpIsReportedAsSuchAndTearDownStillRuns() {
        int tearDowns = FailingSetUp.TEAR_DOWNS.get();

        Throwable thrown = EngineRuns.run(FailingSetUp.class, "neverRuns").throwable();

        assertThat(thrown).isInstanceOf(LifecycleMethodFailure.class).isNotInstanceOf(ConcurrencyFailure.class)
                .hasMessageStartingWith("@BeforeEach method FailingSetUp.setUp() failed: "
                        + "java.lang.IllegalStateException: no database")
                .hasMessageContaining("(in schedule 1 of the exploration with seed 1;")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(FailingSetUp.TEST_RUNS.get()).isZero();
        assertThat(FailingSetUp.TEAR_DOWNS.get() - tearDowns).isEqualTo(1);
    }

    @Test
    void displayNamesAndTagsComeFromJupitersAnnotations() {
        TestDescriptor engine = EngineTestKit.engine("interleave").selectors(selectClass(Annotated.class)).discover()
                .getEngineDescriptor();
        TestDescriptor container = engine.getChildren().iterator().next();
        TestDescriptor fast = container.getChildren().stream()
                .filter(child -> child.getUniqueId().toString().contains("fast()")).findFirst().orElseThrow();

        assertThat(container.getDisplayName()).isEqualTo("Annotated fixture");
        assertThat(fast.getDisplayName()).isEqualTo("counts once");
        assertThat(fast.getTags()).containsExactlyInAnyOrder(TestTag.create("fast"), TestTag.create("concurrency"));
    }

    @Test
    void disabledTestsAreSkippedWithTheirReason() {
        EngineExecutionResults results = EngineTestKit.engine("interleave")
                .selectors(selectMethod(Annotated.class, "disabled")).execute();

        assertThat(results.testEvents().skipped().list()).singleElement()
                .satisfies(event -> assertThat(event.getRequiredPayload(String.class)).isEqualTo("the engine must report this method skipped, with this reason"));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void tagFiltersSelectTestsAsSurefiresGroupsDo() {
        EngineExecutionResults results = EngineTestKit.engine("interleave")
                .selectors(selectClass(Annotated.class))
                .filters(TagFilter.includeTags("slow"))
                .execute();

        List<String> ran = results.testEvents().started().stream()
                .map(event -> event.getTestDescriptor().getDisplayName()).collect(Collectors.toList());
        assertThat(ran).containsExactly("slow()");
    }

    @Test
    void timeoutBoundsTheWholeExploration() {
        EngineRuns run = EngineRuns.run(Annotated.class, "boundedByTimeout");

        assertThat(run.throwable()).isInstanceOf(TimeoutException.class)
                .hasMessageStartingWith("boundedByTimeout() timed out after 1000 ms (@Timeout) with ")
                .hasMessageContaining("schedules explored, none failing (seed 1)");
        assertThat(run.entries).containsEntry("interleave.verdict", "timed out");
    }

    @Test
    void jupiterAndInterleaveEachRunTheirOwnTestsOnce() {
        int jupiterRuns = MixedEngines.JUPITER_RUNS.get();
        int schedules = MixedEngines.SCHEDULES.get();

        EngineExecutionResults jupiter = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(MixedEngines.class)).execute();
        EngineExecutionResults interleave = EngineTestKit.engine("interleave")
                .selectors(selectClass(MixedEngines.class)).execute();

        assertThat(jupiter.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(interleave.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(MixedEngines.JUPITER_RUNS.get() - jupiterRuns).isEqualTo(1);
        assertThat(MixedEngines.SCHEDULES.get() - schedules).isEqualTo(10);
    }

    @Test
    void staticNestedClassesAreFoundThroughTheirEnclosingClass() {
        String id = "[engine:interleave]/[class:dev.interleave.fixtures.Outer]"
                + "/[class:dev.interleave.fixtures.Outer$Inner]/[method:nested()]";
        EngineExecutionResults results = EngineTestKit.engine("interleave").selectors(selectClass(Outer.class))
                .execute();

        assertThat(results.testEvents().succeeded().list()).singleElement()
                .satisfies(event -> assertThat(event.getTestDescriptor().getUniqueId().toString()).isEqualTo(id));
        assertThat(EngineTestKit.engine("interleave").selectors(selectUniqueId(UniqueId.parse(id))).execute()
                .testEvents().succeeded().count()).isEqualTo(1);
        assertThat(EngineTestKit.engine("interleave").selectors(selectClass(Outer.Inner.class)).execute()
                .testEvents().finished().list()).singleElement().satisfies(event -> assertThat(
                event.getRequiredPayload(TestExecutionResult.class).getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }
}
