package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dev.interleave.bridge.Bridge;
import dev.interleave.fixtures.DeterministicValues;
import org.junit.jupiter.api.Test;

/** The clock and identity hashes that code under test reads on managed threads are the schedule's, not the JVM's. */
class DeterminismTests {

    @Test
    void theSameSeedSeesTheSameTimesAndIdentityHashes() {
        List<String> first = explore();
        List<String> second = explore();

        assertThat(first).hasSize(2 * 20);
        assertThat(new HashSet<>(first)).as("schedules that interleave differently see different times")
                .hasSizeGreaterThan(2);
        assertThat(second).isEqualTo(first);
        // Nothing sleeps, so every time is a whole number of reads, each a virtual millisecond after the epoch.
        assertThat(first.get(0)).matches("thread 0: nanoTime \\d+000000, currentTimeMillis "
                + (DeterministicValues.EPOCH_MILLIS / 100_000) + "\\d{5},.*");
    }

    private static List<String> explore() {
        DeterministicValues.SEEN.clear();
        EngineRuns.run(DeterministicValues.class, "recordsClockAndHashes").assertPassedAll(20);
        return new ArrayList<>(DeterministicValues.SEEN);
    }

    @Test
    void aBusyWaitOnTheClockCostsNoWallTime() {
        EngineRuns run = EngineRuns.run(DeterministicValues.class, "busyWaitsOnTheClockEnd");

        run.assertPassedAll(5);
        // Each schedule busy-waits a virtual minute in each of two threads: ten minutes of virtual time in all, which
        // only reads of the virtual clock fit into a fraction of one real minute.
        assertThat(run.wallTime).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void threadsNoScheduleManagesReadTheRealClockAndHashes() throws InterruptedException {
        Object object = new Object();
        EngineRuns.run(DeterministicValues.class, "busyWaitsOnTheClockEnd").assertPassedAll(5);
        assertReadsTheJvms(DeterministicValues.readOnThisThread(object), object);

        // While a schedule runs, the bridge leaves its fast path for every thread: one it does not manage must still
        // read the JVM's values.
        long[][] reading = new long[1][];
        int slot = Bridge.activate();
        try {
            Thread unmanaged = new Thread(() -> reading[0] = DeterministicValues.readOnThisThread(object),
                    "unmanaged-reader");
            unmanaged.start();
            unmanaged.join();
        } finally {
            Bridge.deactivate(slot);
        }
        assertReadsTheJvms(reading[0], object);
    }

    private static void assertReadsTheJvms(long[] reading, Object object) {
        assertThat(reading[0]).isCloseTo(Instant.now().toEpochMilli(), within(5_000L));
        assertThat(reading[1]).isCloseTo(System.nanoTime(), within(5_000_000_000L));
        assertThat(reading[2]).isEqualTo(System.identityHashCode(object));
        assertThat(reading[3]).isEqualTo(object.hashCode());
    }
}
