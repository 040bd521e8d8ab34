package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.WaitUnderIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which waiters a notify wakes, and when they take the monitor back, are choices every strategy explores. */
class WaitNotifyExplorationTests {

    @ParameterizedTest
    @ValueSource(strings = {"EXHAUSTIVE", "RANDOM", "POS", "PCT"})
    void aWaitUnderIfIsFound(String strategy) {
        EngineRuns run = EngineRuns.run(WaitUnderIf.class, "twoConsumersOneItem", "interleave.strategy", strategy,
                "interleave.seed", "1");

        assertThat(run.passed()).as("%s", run.entries).isFalse();
        assertThat(run.failure().kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
    }
}
