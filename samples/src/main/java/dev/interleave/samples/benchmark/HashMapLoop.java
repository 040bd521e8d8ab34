package dev.interleave.samples.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Application code that no test runs: a loop over a {@code HashMap}. It is instrumented like any application class
 * once the agent is attached, so it pays the bridge's fast path at every call into the map.
 */
final class HashMapLoop {

    static volatile long sink;

    private HashMapLoop() {
    }

    /**
     * Calls the map's methods with other key types and functions, as the engine and JUnit will: the JIT profiles
     * the JDK's own methods for all callers, so without this, the measurements after the engine ran would pay for
     * what it taught the JIT about {@code HashMap}, not for the agent.
     */
    static void teachTheJitOtherCallers(int operations) {
        Map<Object, Object> map = new HashMap<>();
        long sum = 0;
        for (int i = 0; i < operations; i++) {
            Object key = switch (i % 4) {
                case 0 -> "key" + (i & 63);
                case 1 -> (long) (i & 63);
                case 2 -> Character.valueOf((char) (i & 63));
                default -> List.of(i & 7);
            };
            map.merge(key, i, (a, b) -> b);
            map.merge(key, 1, (a, b) -> a);
            map.computeIfAbsent(key, k -> k.toString());
            sum += map.get(key) == null ? 0 : 1;
        }
        sink = sum;
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
