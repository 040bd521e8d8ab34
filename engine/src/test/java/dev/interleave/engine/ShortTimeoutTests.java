package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.ShortTimeouts;
import org.junit.jupiter.api.Test;

/**
 * The virtual clock's rule for timeouts: the JDK's own reads of the clock do not use a timeout up, a timeout of
 * up to 10 ms may fire while other threads run (a strategy's choice), and a longer one only when nothing else can.
 */
class ShortTimeoutTests {

    @Test
    void aTryLockOfAMillisecondWithAFallbackPasses() {
        EngineRuns.run(ShortTimeouts.class, "tryLockWithAFallback").assertPassedAll(300);
    }

    @Test
    void aTryLockOfAMillisecondThatTimesOutWhileTheHolderRunsIsFound() {
        ConcurrencyFailure failure = EngineRuns.run(ShortTimeouts.class, "tryLockAssumedToSucceed").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).contains("tryLock(1 ms) got the lock").contains("timed out");
    }

    @Test
    void aLoopThatPollsAMillisecondAtATimePasses() {
        EngineRuns.run(ShortTimeouts.class, "pollsAMillisecondAtATime").assertPassedAll(300);
    }

    @Test
    void awaitTerminationOfASecondPasses() {
        EngineRuns.run(ShortTimeouts.class, "awaitsTheTermination").assertPassedAll(100);
    }
}
