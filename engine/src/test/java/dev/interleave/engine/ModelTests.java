package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.fixtures.VirtualTimeAndInterrupts;
import org.junit.jupiter.api.Test;

class ModelTests {

    @Test
    void sleepsAndTimedWaitsRunOnVirtualTime() {
        EngineRuns run = EngineRuns.run(VirtualTimeAndInterrupts.class, "sleepsAndTimedWaitsCostNoWallTime");

        assertThat(run.passed()).as("%s", run.result).isTrue();
        assertThat(run.entries).containsEntry("interleave.schedules", "50");
        // 50 schedules that each sleep 60 s and wait 30 s: only virtual time can make that fit in a minute
        assertThat(Long.parseLong(run.entries.get("interleave.millis"))).isLessThan(60_000);
    }

    @Test
    void anInterruptWakesAThreadInWait() {
        EngineRuns run = EngineRuns.run(VirtualTimeAndInterrupts.class, "interruptWakesAWaitingThread");

        assertThat(run.passed()).as("%s", run.result).isTrue();
    }

    @Test
    void aTimedJoinReturnsWhileTheThreadCannotEnd() {
        EngineRuns run = EngineRuns.run(VirtualTimeAndInterrupts.class, "joinWithATimeoutReturnsWhenTheThreadIsStuck");

        assertThat(run.passed()).as("%s", run.result).isTrue();
    }
}
