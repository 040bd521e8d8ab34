package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.DatagramPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A datagram receive waits under the scheduler until a thread of the test sends to its port or closes the socket:
 * a UDP request/response program passes every schedule, and its bugs are found and replayed like any other.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatagramTests {

    @Test
    void aRequestAndItsResponseOverDatagramSocketsPass() {
        EngineRuns.run(DatagramPrograms.class, "requestResponse").assertPassedAll(30);
    }

    @Test
    void aRequestAndItsResponseOverBlockingDatagramChannelsPass() {
        EngineRuns.run(DatagramPrograms.class, "channelRequestResponse").assertPassedAll(30);
    }

    @Test
    void aReceiveEndsWhenAnotherThreadClosesTheSocket() {
        EngineRuns.run(DatagramPrograms.class, "receiveEndedByClose").assertPassedAll(30);
    }

    @Test
    void aReceiveTimesOutInVirtualTime() {
        EngineRuns.run(DatagramPrograms.class, "receiveTimesOut").assertPassedAll(10);
    }

    @Test
    void everyInterleavingOfARequestAndItsResponsePassesAndTheSameSeedExploresTheSame() {
        EngineRuns all = EngineRuns.run(DatagramPrograms.class, "requestResponse", "interleave.strategy",
                "EXHAUSTIVE", "interleave.schedules", "1000");
        assertThat(all.passed()).as("%s", all.result).isTrue();
        assertThat(Integer.parseInt(all.entries.get("interleave.interleavings"))).isGreaterThanOrEqualTo(2);
        EngineRuns first = EngineRuns.run(DatagramPrograms.class, "requestResponse", "interleave.strategy", "RANDOM");
        EngineRuns second = EngineRuns.run(DatagramPrograms.class, "requestResponse", "interleave.strategy",
                "RANDOM");
        for (String entry : List.of("interleave.steps", "interleave.interleavings", "interleave.longestSchedule")) {
            assertThat(second.entries.get(entry)).as(entry).isNotNull().isEqualTo(first.entries.get(entry));
        }
    }

    @Test
    void aLostUpdateBetweenTwoServerThreadsIsFoundAndReplays() {
        ConcurrencyFailure found = EngineRuns.run(DatagramPrograms.class, "requestsCountedWithoutSynchronization")
                .failure();

        assertThat(found.kind()).as(found.getMessage()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(found.getCause()).hasMessageContaining("requests handled");
        assertThat(found.getMessage()).containsPattern("receive DatagramSocket#\\d: a datagram came");
        String file = found.scheduleFile().orElseThrow().toString();
        for (int i = 0; i < 2; i++) {
            ConcurrencyFailure replayed = EngineRuns.run(DatagramPrograms.class,
                    "requestsCountedWithoutSynchronization", "interleave.replay", file).failure();
            assertThat(replayed.getMessage()).contains("failed when replaying");
            assertThat(EngineRuns.interleaving(replayed)).isEqualTo(EngineRuns.interleaving(found));
        }
    }
}
