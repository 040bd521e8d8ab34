package dev.interleave.engine;

import dev.interleave.fixtures.Synchronizers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Correct programs on every kind of java.util.concurrent synchronizer pass every schedule: no false report. */
class SynchronizerTests {

    @ParameterizedTest
    @ValueSource(strings = {"producerAndConsumerOnABoundedQueue", "handOffThroughASynchronousQueue",
            "exchangeBetweenTwoThreads", "threePartiesMeetAtABarrier", "phasesAdvanceTogether",
            "aSemaphoreBoundsTheThreadsInside", "pollWithATimeoutGetsWhatArrives"})
    void aCorrectProgramPassesEverySchedule(String method) {
        EngineRuns.run(Synchronizers.class, method).assertPassedAll(300);
    }
}
