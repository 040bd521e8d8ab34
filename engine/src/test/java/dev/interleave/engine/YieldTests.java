package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.YieldPrograms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A yield lets others go first, and forbids nothing: every strategy finds the bugs that need the yielding thread to
 * go on first, within a small budget (with spurious wake-ups explored too, POS needs up to 181 schedules for the
 * monitor program over seeds 1 to 10, a median of 16; before, it never found it), while correct spin loops with {@code yield} still end (see
 * {@link StrategyTests}).
 */
class YieldTests {

    @ParameterizedTest
    @CsvSource({"RANDOM, 1", "RANDOM, 2", "RANDOM, 3", "POS, 1", "POS, 2", "POS, 3", "PCT, 1", "PCT, 2", "PCT, 3"})
    void everySamplingStrategyGoesOnPastAYield(String strategy, String seed) {
        for (String program : new String[] {"readsAfterYieldingToAStartedThread",
                "retakesTheMonitorBeforeTheWokenWaiter"}) {
            EngineRuns run = EngineRuns.run(YieldPrograms.class, program, "interleave.strategy", strategy,
                    "interleave.seed", seed, "interleave.schedules", "300");

            assertThat(run.passed()).as("%s %s", program, run.entries).isFalse();
            assertThat(run.failure().kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"readsAfterYieldingToAStartedThread", "retakesTheMonitorBeforeTheWokenWaiter"})
    void exhaustiveExplorationGoesOnPastAYield(String program) {
        EngineRuns run = EngineRuns.run(YieldPrograms.class, program, "interleave.strategy", "EXHAUSTIVE");

        assertThat(run.passed()).as("%s", run.entries).isFalse();
        assertThat(run.failure().kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
    }
}
