package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.fixtures.Misconfigured;
import org.junit.jupiter.api.Test;

class SettingsTests {

    @Test
    void annotationAttributesApplyWhenNoParameterIsGiven() {
        EngineRuns run = EngineRuns.run(Misconfigured.class, "plain");

        assertThat(run.passed()).isTrue();
        assertThat(run.entries).containsEntry("interleave.schedules", "25").containsEntry("interleave.seed", "4")
                .containsEntry("interleave.strategy", "RANDOM");
    }

    @Test
    void configurationParametersOverrideTheAnnotation() {
        EngineRuns run = EngineRuns.run(Misconfigured.class, "plain",
                "interleave.schedules", "7", "interleave.seed", "cli", "interleave.strategy", "random");

        assertThat(run.passed()).isTrue();
        assertThat(run.entries).containsEntry("interleave.schedules", "7").containsEntry("interleave.seed", "cli");
    }

    @Test
    void blankParametersCountAsNotGiven() {
        EngineRuns run = EngineRuns.run(Misconfigured.class, "plain", "interleave.seed", " ",
                "interleave.schedules", "");

        assertThat(run.entries).containsEntry("interleave.schedules", "25").containsEntry("interleave.seed", "4");
    }

    @Test
    void rejectsANegativeCountSayingWhatToGive() {
        assertThat(EngineRuns.run(Misconfigured.class, "negativeSchedules").throwable())
                .hasMessage("@ConcurrencyTest(schedules = -1) must be a positive count; give one such as 1000");
        assertThat(EngineRuns.run(Misconfigured.class, "plain", "interleave.schedules", "-3").throwable())
                .hasMessage("-Dinterleave.schedules=-3 must be a positive count; give one such as 1000");
        assertThat(EngineRuns.run(Misconfigured.class, "plain", "interleave.maxSteps", "lots").throwable())
                .hasMessage("-Dinterleave.maxSteps=lots is not a whole number; give a positive count such as 1000");
    }

    @Test
    void rejectsAnUnknownStrategyListingTheKnownOnes() {
        assertThat(EngineRuns.run(Misconfigured.class, "plain", "interleave.strategy", "bogus").throwable())
                .hasMessage("-Dinterleave.strategy=bogus is not a strategy; use one of [RANDOM, PCT, POS, EXHAUSTIVE]");
    }

    @Test
    void saysClearlyWhatThisVersionCannotDoYet() {
        assertThat(EngineRuns.run(Misconfigured.class, "notYetAvailableStrategy").throwable())
                .hasMessageContaining("the PCT strategy is not available in this version").hasMessageContaining("RANDOM");
        assertThat(EngineRuns.run(Misconfigured.class, "replayRequested").throwable())
                .hasMessageContaining("replaying a schedule file (target/interleave/some.schedule) is not available")
                .hasMessageContaining("-Dinterleave.seed=");
    }

    @Test
    void rejectsMethodsThatCannotBeATest() {
        assertThat(EngineRuns.run(Misconfigured.class, "staticMethod").throwable())
                .hasMessageContaining("is static; a @ConcurrencyTest method must be an instance method without"
                        + " parameters that returns void");
    }

    @Test
    void rejectsMethodsWithParameters() {
        var results = org.junit.platform.testkit.engine.EngineTestKit.engine("interleave")
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod(Misconfigured.class,
                        "takesAParameter", "int"))
                .execute();
        assertThat(results.testEvents().failed().list()).singleElement().satisfies(event -> assertThat(
                event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable())
                .get().extracting(Throwable::getMessage).asString().contains("takes parameters"));
    }
}
