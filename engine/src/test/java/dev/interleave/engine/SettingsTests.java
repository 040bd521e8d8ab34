package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Path;
import java.nio.file.Paths;

import dev.interleave.fixtures.Misconfigured;
import org.junit.jupiter.api.Test;

/** The annotation's attributes, their {@code interleave.*} overrides, and what happens when either is wrong. */
class SettingsTests {

    @Test
    void annotationAttributesApplyWhenNoParameterIsGiven() {
        EngineRuns run = EngineRuns.run(Misconfigured.class, "plain").assertPassedAll(25);

        assertThat(run.entries).containsEntry("interleave.seed", "4")
                .containsEntry("interleave.strategy", "PORTFOLIO");
    }

    @Test
    void configurationParametersOverrideTheAnnotation() {
        EngineRuns run = EngineRuns.run(Misconfigured.class, "plain",
                "interleave.schedules", "7", "interleave.seed", "cli", "interleave.strategy", "random");

        run.assertPassedAll(7);
        assertThat(run.entries).containsEntry("interleave.seed", "cli").containsEntry("interleave.strategy", "RANDOM");
    }

    @Test
    void blankParametersCountAsNotGiven() {
        EngineRuns run = EngineRuns.run(Misconfigured.class, "plain", "interleave.seed", " ",
                "interleave.schedules", "");

        run.assertPassedAll(25);
        assertThat(run.entries).containsEntry("interleave.seed", "4");
    }

    @Test
    void rejectsANegativeScheduleCountSayingWhatToGive() {
        assertThat(EngineRuns.run(Misconfigured.class, "plain", "interleave.schedules", "-3").throwable())
                .hasMessageContaining("must be a positive count")
                .hasMessage("-Dinterleave.schedules=-3 must be a positive count; give one such as 1000");
        assertThat(EngineRuns.run(Misconfigured.class, "negativeSchedules").throwable())
                .hasMessage("@ConcurrencyTest(schedules = -1) must be a positive count; give one such as 1000");
    }

    @Test
    void rejectsACountThatIsNotANumber() {
        assertThat(EngineRuns.run(Misconfigured.class, "plain", "interleave.maxSteps", "lots").throwable())
                .hasMessage("-Dinterleave.maxSteps=lots is not a whole number; give a positive count such as 1000");
    }

    @Test
    void rejectsAnUnknownStrategyListingTheKnownOnes() {
        assertThat(EngineRuns.run(Misconfigured.class, "plain", "interleave.strategy", "bogus").throwable())
                .hasMessageContaining("bogus")
                .hasMessageContaining("RANDOM").hasMessageContaining("PCT").hasMessageContaining("POS")
                .hasMessageContaining("EXHAUSTIVE").hasMessageContaining("SURW").hasMessageContaining("PORTFOLIO")
                .hasMessage("-Dinterleave.strategy=bogus is not a strategy; use one of [RANDOM, PCT, POS, EXHAUSTIVE,"
                        + " SURW, PORTFOLIO]");
    }

    @Test
    void rejectsABugDepthOrPreemptionBoundThatIsNoCount() {
        assertThat(EngineRuns.run(Misconfigured.class, "noPctDepth").throwable())
                .hasMessage("@ConcurrencyTest(pctDepth = 0) must be a positive count; give one such as 1000");
        assertThat(EngineRuns.run(Misconfigured.class, "plain", "interleave.pctDepth", "deep").throwable())
                .hasMessage("-Dinterleave.pctDepth=deep is not a whole number; give a positive count such as 1000");
        assertThat(EngineRuns.run(Misconfigured.class, "negativePreemptionBound").throwable())
                .hasMessage("@ConcurrencyTest(maxPreemptions = -2) must be a count, or -1 for no bound; give one"
                        + " such as 2");
        assertThat(EngineRuns.run(Misconfigured.class, "plain", "interleave.maxPreemptions", "two").throwable())
                .hasMessage("-Dinterleave.maxPreemptions=two is not a whole number; give a count such as 2, or -1 for"
                        + " no bound");
    }

    @Test
    void theStrategyCanBeChosenOnTheCommandLine() {
        EngineRuns run = EngineRuns.run(Misconfigured.class, "plain", "interleave.strategy", "pos");

        run.assertPassedAll(25);
        assertThat(run.entries).containsEntry("interleave.strategy", "POS");
    }

    @Test
    void aReplayPathOnTheAnnotationIsResolvedAgainstTheWorkingDirectory() {
        Path expected = Paths.get("target/interleave/some.schedule").toAbsolutePath();
        assertThat(EngineRuns.run(Misconfigured.class, "replayRequested").throwable())
                .hasMessage(expected + ": no such file or folder to replay (interleave.replay=target/interleave/"
                        + "some.schedule); give the path of a schedule file that a failure printed, or of a folder"
                        + " of them");
    }

    @Test
    void aReplayParameterOverridesTheAnnotation() {
        assertThat(EngineRuns.run(Misconfigured.class, "replayRequested", "interleave.replay", "other.schedule")
                .throwable()).hasMessageStartingWith(Paths.get("other.schedule").toAbsolutePath() + ": no such file");
    }

    @Test
    void aRerunSwitchThatIsNeitherTrueNorFalseIsRefused() {
        assertThat(EngineRuns.run(Misconfigured.class, "plain", "interleave.failures.rerun", "yes").throwable())
                .hasMessage("-Dinterleave.failures.rerun=yes is neither true nor false; give one of them");
    }

    @Test
    void rejectsAStaticMethod() {
        assertThat(EngineRuns.run(Misconfigured.class, "staticMethod").throwable())
                .hasMessageContaining("staticMethod()")
                .hasMessageContaining("is static; a @ConcurrencyTest method must be an instance method without"
                        + " parameters that returns void");
    }

    @Test
    void rejectsAMethodWithAParameter() {
        assertThat(EngineRuns.run(selectMethod(Misconfigured.class, "takesAParameter", "int")).throwable())
                .hasMessageContaining("takesAParameter(int)")
                .hasMessageContaining("takes parameters; a @ConcurrencyTest method must be an instance method"
                        + " without parameters that returns void");
    }

    @Test
    void rejectsAPrivateMethodAndOneThatReturnsAValue() {
        assertThat(EngineRuns.run(Misconfigured.class, "privateMethod").throwable())
                .hasMessageContaining("is private; a @ConcurrencyTest method must be");
        assertThat(EngineRuns.run(Misconfigured.class, "returnsAValue").throwable())
                .hasMessageContaining("does not return void; a @ConcurrencyTest method must be");
    }
}
