package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.LongSchedules;
import org.junit.jupiter.api.Test;

class LongScheduleTests {

    @Test
    void aCorrectProgramOfTensOfThousandsOfStepsIsNoHang() {
        EngineRuns run = EngineRuns.run(LongSchedules.class, "twoThreadsCountTenThousandTimesEach");

        assertThat(run.passed()).as("%s", run.result).isTrue();
        assertThat(Long.parseLong(run.entries.get("interleave.steps"))).isGreaterThan(5L * 60_000);
    }

    @Test
    void aLivelockIsReportedAtTheDefaultBoundWithTheEndOfItsTrace() {
        ConcurrencyFailure failure = EngineRuns.run(LongSchedules.class, "spinsForAFlagNobodySets").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.HANG);
        assertThat(failure.getMessage())
                .contains("passed its bound of 1000000 scheduling points")
                .containsPattern("Interleaving, \\d{6,7} steps")
                .containsPattern("\\.\\.\\.\\s+\\d+ steps not shown")
                .contains("read LongSchedules.stop");
        assertThat(failure.getMessage().lines().count()).as("a trimmed report").isLessThan(120);
    }
}
