package dev.interleave.samples.benchmark;

import java.util.HashMap;
import java.util.Map;

/**
 * Application code that no test runs: a loop over a {@code HashMap}. It is instrumented like any application class
 * once the agent is attached, so it pays the bridge's fast path at every call into the map.
 */
final class HashMapLoop {

    static volatile long sink;

    private HashMapLoop() {
    }

    static void run(int operations) {
        Map<Integer, Integer> map = new HashMap<>();
        long sum = 0;
        for (int i = 0; i < operations; i++) {
            map.merge(i & 1023, 1, Integer::sum);
            sum += map.get(i & 511);
        }
        sink = sum;
    }
}
