package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.interleave.fixtures.JoinSemantics;
import dev.interleave.fixtures.VirtualTimeAndInterrupts;
import org.junit.jupiter.api.Test;

/** What the scheduler models besides shared accesses and monitors: time, interrupts, the end of a thread. */
class ModelTests {

    @Test
    void sleepsAndTimedWaitsRunOnVirtualTime() {
        EngineRuns run = EngineRuns.run(VirtualTimeAndInterrupts.class, "sleepsAndTimedWaitsCostNoWallTime");

        run.assertPassedAll(50);
        // 50 schedules, each with two minutes of sleep and a 30-second wait that times out: well over an hour of
        // virtual time, which only virtual time can fit into a fraction of one real minute.
        assertThat(run.wallTime).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void anInterruptWakesAThreadInWaitWithInterruptedException() {
        EngineRuns.run(VirtualTimeAndInterrupts.class, "interruptWakesAWaitingThread").assertPassedAll(200);
    }

    @Test
    void aTimedJoinReturnsWhileTheThreadCannotEnd() {
        EngineRuns.run(VirtualTimeAndInterrupts.class, "joinWithATimeoutReturnsWhenTheThreadIsStuck")
                .assertPassedAll(200);
    }

    @Test
    void aJoinedThreadIsNoLongerAlive() {
        EngineRuns.run(JoinSemantics.class, "isAliveIsFalseAfterJoin").assertPassedAll(300);
    }

    @Test
    void aJoinedThreadIsTerminated() {
        EngineRuns.run(JoinSemantics.class, "stateIsTerminatedAfterJoin").assertPassedAll(300);
    }
}
