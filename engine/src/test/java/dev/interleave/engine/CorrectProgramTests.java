package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.fixtures.CorrectPrograms;
import dev.interleave.fixtures.JoinSemantics;
import dev.interleave.fixtures.PollingLoops;
import org.junit.jupiter.api.Test;

/** Correct programs pass every schedule they are given, and the engine says how many it ran. */
class CorrectProgramTests {

    @Test
    void aSynchronizedCounterPassesEverySchedule() {
        EngineRuns run = EngineRuns.run(CorrectPrograms.class, "synchronizedCounter").assertPassedAll(300);

        assertThat(run.entries).containsEntry("interleave.seed", "1")
                .containsEntry("interleave.strategy", "PORTFOLIO");
        assertThat(Long.parseLong(run.entries.get("interleave.steps"))).as("scheduling points over all schedules")
                .isGreaterThanOrEqualTo(300L * 5);
    }

    @Test
    void aWaitNotifyHandOffInAWhileLoopPassesEverySchedule() {
        EngineRuns.run(CorrectPrograms.class, "waitNotifyHandOff").assertPassedAll(300);
    }

    @Test
    void loopsThatPollThreadSafeJdkObjectsLetTheOtherThreadRun() {
        EngineRuns.run(PollingLoops.class, "pollsASynchronizedList").assertPassedAll(200);
        EngineRuns.run(PollingLoops.class, "pollsAConcurrentQueueAndAnAtomicFlag").assertPassedAll(200);
    }

    @Test
    void joinOrdersTheJoinedThreadsWritesBeforeTheJoinersReads() {
        EngineRuns.run(JoinSemantics.class, "joinSeesWhatTheThreadDid").assertPassedAll(300);
    }
}
