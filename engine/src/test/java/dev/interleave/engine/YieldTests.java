package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.YieldPrograms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A yield lets others go first, and forbids nothing: every strategy finds the bugs that go on past it. */
class YieldTests {

    @ParameterizedTest
    @CsvSource({"EXHAUSTIVE, retakesTheMonitorBeforeTheWokenWaiter", "RANDOM, retakesTheMonitorBeforeTheWokenWaiter",
            "POS, retakesTheMonitorBeforeTheWokenWaiter", "PCT, retakesTheMonitorBeforeTheWokenWaiter",
            "EXHAUSTIVE, readsAfterYieldingToAStartedThread", "RANDOM, readsAfterYieldingToAStartedThread",
            "POS, readsAfterYieldingToAStartedThread", "PCT, readsAfterYieldingToAStartedThread"})
    void everyStrategyGoesOnPastAYield(String strategy, String program) {
        EngineRuns run = EngineRuns.run(YieldPrograms.class, program, "interleave.strategy", strategy,
                "interleave.seed", "1");

        assertThat(run.passed()).as("%s: %s", run.entries, run.result).isFalse();
        assertThat(run.failure().kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
    }
}
