package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.SpuriousWakeups;
import org.junit.jupiter.api.Test;

/** {@code Object.wait} may return without a notify: a wait under {@code if} is found, one under {@code while} not. */
class SpuriousWakeupTests {

    @Test
    void aWaitUnderIfIsFound() {
        ConcurrencyFailure failure = EngineRuns.run(SpuriousWakeups.class, "waitsUnderIf").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).contains("the value after the wait").contains("wait(): woke spuriously");
    }

    @Test
    void aWaitUnderWhilePasses() {
        EngineRuns run = EngineRuns.run(SpuriousWakeups.class, "waitsUnderWhile");

        assertThat(run.result.getThrowable()).isEmpty();
        assertThat(run.entries).containsEntry("interleave.schedules", "200");
    }

    @Test
    void exhaustiveFindsTheWaitUnderIfAndProvesTheWaitUnderWhile() {
        ConcurrencyFailure failure = EngineRuns.run(SpuriousWakeups.class, "waitsUnderIf",
                "interleave.strategy", "EXHAUSTIVE").failure();
        assertThat(failure.getMessage()).contains("wait(): woke spuriously");

        EngineRuns proof = EngineRuns.run(SpuriousWakeups.class, "waitsUnderWhile", "interleave.strategy",
                "EXHAUSTIVE");
        assertThat(proof.result.getThrowable()).isEmpty();
        assertThat(proof.entries.get("interleave.coverage")).startsWith("all ");
    }

    @Test
    void withSpuriousWakeupsOffTheWaitUnderIfPasses() {
        EngineRuns run = EngineRuns.run(SpuriousWakeups.class, "waitsUnderIf", "interleave.spuriousWakeups", "false");

        assertThat(run.result.getThrowable()).isEmpty();
        assertThat(run.entries).containsEntry("interleave.schedules", "200");
    }

    @Test
    void aValueThatIsNeitherTrueNorFalseIsRefused() {
        EngineRuns run = EngineRuns.run(SpuriousWakeups.class, "waitsUnderIf", "interleave.spuriousWakeups", "often");

        assertThat(run.result.getThrowable()).hasValueSatisfying(error -> assertThat(error.getMessage())
                .contains("-Dinterleave.spuriousWakeups=often is neither true nor false"));
    }
}
