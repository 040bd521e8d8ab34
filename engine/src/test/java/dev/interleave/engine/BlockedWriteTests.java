package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.BlockedWritePrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A write larger than the buffers between two sockets waits in the scheduler until the peer reads, so a reader in
 * a loop lets it finish, and two ends that both write a lot before reading are reported as the deadlock they are on
 * a JVM instead of hanging.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockedWriteTests {

    @Test
    void aStreamWriteOfMegabytesEndsAsThePeerReadsInALoop() {
        EngineRuns.run(BlockedWritePrograms.class, "bigStreamWriteReadInALoop").assertPassedAll(5);
    }

    @Test
    void aBlockingChannelWriteOfMegabytesEndsAsThePeerReadsInALoopAndReturnsAllItWrote() {
        EngineRuns.run(BlockedWritePrograms.class, "bigChannelWriteReadInALoop").assertPassedAll(5);
    }

    @Test
    void bothEndsWritingALotBeforeReadingIsADeadlockThatNamesBothThreadsAndTheSockets() {
        EngineRuns run = EngineRuns.run(BlockedWritePrograms.class, "bothEndsWriteALotBeforeReading",
                "interleave.watchdog.millis", "60000");
        ConcurrencyFailure failure = run.failure();

        assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.schedule()).isEqualTo(1);
        assertThat(failure.getMessage())
                .containsPattern("thread 0 \\(interleave-test\\) waits to write to Socket#\\d \\(port \\d+ to \\d+\\)"
                        + ", whose buffers to its peer are full, and no thread is left to read from its peer "
                        + "Socket#\\d or to close either end at BlockedWritePrograms.bothEndsWriteALotBeforeReading"
                        + "\\(BlockedWritePrograms.java:\\d+\\)")
                .containsPattern("thread 1 \\(server\\) waits to write to Socket#\\d \\(port \\d+ to \\d+\\)"
                        + ", whose buffers to its peer are full");
    }
}
