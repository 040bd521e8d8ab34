package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

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
    void aWaitUnderIfAtAThreadsSecondWaitIsFound() {
        ConcurrencyFailure failure = EngineRuns.run(SpuriousWakeups.class, "waitsUnderIfTheSecondTime").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).contains("the second flag after the second wait")
                .contains("wait(): woke spuriously");
    }

    @Test
    void exhaustiveFindsTheSecondWaitUnderIfAndProvesTwoWaitsUnderWhile() {
        ConcurrencyFailure failure = EngineRuns.run(SpuriousWakeups.class, "waitsUnderIfTheSecondTime",
                "interleave.strategy", "EXHAUSTIVE").failure();
        assertThat(failure.getMessage()).contains("the second flag after the second wait")
                .contains("wait(): woke spuriously");

        EngineRuns proof = EngineRuns.run(SpuriousWakeups.class, "waitsUnderWhileBothTimes", "interleave.strategy",
                "EXHAUSTIVE");
        assertThat(proof.result.getThrowable()).isEmpty();
        assertThat(proof.entries.get("interleave.coverage")).startsWith("all ");
    }

    @Test
    void twoWaitsUnderWhilePass() {
        EngineRuns run = EngineRuns.run(SpuriousWakeups.class, "waitsUnderWhileBothTimes");

        assertThat(run.result.getThrowable()).isEmpty();
        assertThat(run.entries).containsEntry("interleave.schedules", "300");
    }

    @Test
    void aScheduleSavedWithSpuriousWakeupsReplaysWithThemWhenTheyAreOffNow() {
        ConcurrencyFailure found = EngineRuns.run(SpuriousWakeups.class, "waitsUnderIf").failure();
        Path file = found.scheduleFile().orElseThrow();

        EngineRuns replay = EngineRuns.run(SpuriousWakeups.class, "waitsUnderIf", "interleave.replay",
                file.toString(), "interleave.spuriousWakeups", "false");

        assertThat(replay.failure().getMessage()).contains("the value after the wait")
                .contains("wait(): woke spuriously").contains("failed when replaying " + file);
    }

    @Test
    void aScheduleSavedWithoutSpuriousWakeupsReplaysWithoutThemWhenTheyAreOnNow() {
        // a failure that needs no spurious wake-up, after a wait that every schedule takes, saved with them off: with
        // them on, the wait would be a choice the recorded decisions do not have
        ConcurrencyFailure lost = EngineRuns.run(SpuriousWakeups.class, "lostUpdateBesideAWait",
                "interleave.spuriousWakeups", "false").failure();
        Path file = lost.scheduleFile().orElseThrow();

        EngineRuns replay = EngineRuns.run(SpuriousWakeups.class, "lostUpdateBesideAWait", "interleave.replay",
                file.toString());

        assertThat(replay.failure().getMessage()).contains("failed when replaying " + file)
                .doesNotContain("woke spuriously");
    }

    @Test
    void aValueThatIsNeitherTrueNorFalseIsRefused() {
        EngineRuns run = EngineRuns.run(SpuriousWakeups.class, "waitsUnderIf", "interleave.spuriousWakeups", "often");

        assertThat(run.result.getThrowable()).hasValueSatisfying(error -> assertThat(error.getMessage())
                .contains("-Dinterleave.spuriousWakeups=often is neither true nor false"));
    }
}
