package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.interleave.fixtures.TimedWaits;
import org.junit.jupiter.api.Test;

/** Timed waits of java.util.concurrent run on virtual time: a test that waits 12 s per schedule costs no wall time. */
class TimedWaitTests {

    @Test
    void tryLockPollAndAwaitTimeOutOnVirtualTime() {
        EngineRuns run = EngineRuns.run(TimedWaits.class, "everyTimedWaitTimesOut").assertPassedAll(100);

        // 100 schedules of 12 virtual seconds each would take 20 minutes of real waiting
        assertThat(run.wallTime).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void timeUnitSleepRunsOnVirtualTime() {
        EngineRuns run = EngineRuns.run(TimedWaits.class, "sleepsThroughTimeUnit").assertPassedAll(50);

        // 50 schedules of two ten-second sleeps would block for over eight minutes in real time
        assertThat(run.wallTime).isLessThan(Duration.ofMinutes(1));
    }
}
