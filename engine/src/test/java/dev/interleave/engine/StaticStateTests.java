package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.StaticStates;
import org.junit.jupiter.api.Test;

/**
 * Every schedule starts from the same static state: what the threads of one schedule change in static fields is
 * put back before the next, and what cannot be put back is named.
 */
class StaticStateTests {

    @Test
    void everyScheduleFindsTheStaticStateTheFirstFound() {
        StaticStates.TOTALS.clear();
        EngineRuns run = EngineRuns.run(StaticStates.class, "threadsChangeStaticState");

        assertThat(run.result.getThrowable()).isEmpty();
        assertThat(run.entries).containsEntry("interleave.schedules", "40");
        assertThat(StaticStates.TOTALS).as("a public static final list keeps what every schedule added")
                .hasSize(40).containsOnly(2);
    }

    @Test
    void aLostUpdateOnAStaticFieldIsReportedAsItself() {
        ConcurrencyFailure failure = EngineRuns.run(StaticStates.class, "staticLostUpdate").failure();

        assertThat(failure.getMessage()).contains("[hits] ").containsPattern("but was:\\s*1")
                .doesNotContain("not put back");
    }

    @Test
    void aStaticLatchThatCannotBePutBackIsNamed() {
        ConcurrencyFailure failure = EngineRuns.run(StaticStates.class, "aStaticLatchOpensOnce").failure();

        assertThat(failure.schedule()).isEqualTo(2);
        assertThat(failure.getMessage()).contains("Static state that earlier schedules changed and that was not put"
                + " back before this one: StaticStates.STARTED");
    }
}
