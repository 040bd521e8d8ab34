package dev.interleave.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DeterministicValuesTests {

    @Test
    void theClockStartsAtTheEpochAndEveryReadMovesItOnByAMillisecond() {
        VirtualClock clock = new VirtualClock();

        assertThat(Instant.ofEpochMilli(VirtualClock.EPOCH_MILLIS)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(clock.readNanos()).isEqualTo(1_000_000);
        assertThat(clock.readMillis()).isEqualTo(VirtualClock.EPOCH_MILLIS + 2);
        clock.advanceTo(clock.deadlineAfter(5_000_000_000L));
        assertThat(clock.readNanos()).isEqualTo(5_003_000_000L);
        clock.advanceTo(0);
        assertThat(clock.readNanos()).as("never back").isEqualTo(5_004_000_000L);
        assertThat(clock.deadlineAfter(Long.MAX_VALUE)).as("saturated").isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void identityHashesAreNumberedInOrderOfFirstRequest() {
        IdentityHashes hashes = new IdentityHashes();
        Object first = new Object();
        Object second = new Object();

        assertThat(hashes.of(second)).isEqualTo(IdentityHashes.scramble(1));
        assertThat(hashes.of(first)).isEqualTo(IdentityHashes.scramble(2));
        assertThat(hashes.of(second)).isEqualTo(IdentityHashes.scramble(1));
        assertThat(new IdentityHashes().of(first)).as("each schedule numbers afresh")
                .isEqualTo(IdentityHashes.scramble(1));
    }

    @Test
    void identityHashesArePositiveAndSpreadOverTheBucketsOfAHashTable() {
        Set<Integer> values = new HashSet<>();
        int[] buckets = new int[64];
        for (int number = 1; number <= 64_000; number++) {
            int hash = IdentityHashes.scramble(number);
            assertThat(hash).isPositive();
            values.add(hash);
            buckets[(hash ^ (hash >>> 16)) & 63]++; // as HashMap picks a bucket
        }
        assertThat(values).hasSize(64_000);
        for (int count : buckets) {
            assertThat(count).isBetween(800, 1200);
        }
    }
}
