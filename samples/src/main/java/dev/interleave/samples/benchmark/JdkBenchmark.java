package dev.interleave.samples.benchmark;

import java.util.Locale;

import dev.interleave.bridge.Bridge;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The JDK under the scheduler, measured: schedules per second of three threads sharing a {@code ReentrantLock} and a
 * {@code ConcurrentHashMap}, and what the agent costs a thread that no test manages: a tight loop over a
 * {@code HashMap}, before the agent is attached, after, and while another thread explores schedules, all in one JVM.
 * Run with {@code mvn -q -Pbenchmark verify -DskipTests}.
 */
public final class JdkBenchmark {

    private static final int ROUNDS = 15;
    private static final int WARM_UP = 20;
    private static final int LOOP = 2_000_000;

    private JdkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The loop's class is loaded, warmed up and measured before anything attaches the agent.
        HashMapLoop.teachTheJitOtherCallers(2_000_000);
        for (int i = 0; i < WARM_UP; i++) {
            HashMapLoop.run(LOOP);
        }
        double before = bestOpsPerSecond();

        Launcher launcher = LauncherFactory.create();
        Explorations.run(launcher, "benchmark.LockAndMap#threeThreads", 500, "1"); // attaches the agent, warms up
        for (int i = 0; i < WARM_UP; i++) {
            HashMapLoop.run(LOOP);
        }
        double attached = bestOpsPerSecond();

        // As while a test explores on another thread: the bridge then looks up each thread's scheduler. The
        // exploration itself is left out, so that its threads do not take the loop's core on a small machine.
        Bridge.activate();
        double duringExploration;
        try {
            duringExploration = bestOpsPerSecond();
        } finally {
            Bridge.deactivate();
        }

        double lockAndMap = 0;
        for (int round = 0; round < 3; round++) {
            lockAndMap = Math.max(lockAndMap,
                    Explorations.run(launcher, "benchmark.LockAndMap#threeThreads", 2_000, "3").perSecond());
        }

        System.out.println("The JDK under the scheduler (JDK " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.println();
        System.out.printf(Locale.ROOT, "  %-62s %16s %8s%n", "a thread no test manages: HashMap loop", "ops per second",
                "cost");
        System.out.printf(Locale.ROOT, "  %-62s %16.0f %8s%n", "before the agent is attached", before, "-");
        System.out.printf(Locale.ROOT, "  %-62s %16.0f %7.1f%%%n", "agent attached, no test running", attached,
                cost(before, attached));
        System.out.printf(Locale.ROOT, "  %-62s %16.0f %7.1f%%%n", "agent attached, a test running on another thread",
                duringExploration, cost(before, duringExploration));
        System.out.println("  (best of " + ROUNDS + " rounds of " + LOOP + " merge+get pairs; target: under 10%)");
        System.out.println();
        System.out.printf(Locale.ROOT, "  3 threads, ReentrantLock + ConcurrentHashMap: %.0f schedules per second"
                + " (best of 3 explorations of 2,000)%n", lockAndMap);
        System.exit(0);
    }

    private static double cost(double baseline, double measured) {
        return 100 * (baseline / measured - 1);
    }

    private static double bestOpsPerSecond() {
        double best = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            HashMapLoop.run(LOOP);
            best = Math.max(best, LOOP / ((System.nanoTime() - started) / 1e9));
        }
        return best;
    }
}
