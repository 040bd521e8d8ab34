package dev.interleave.samples.benchmark;

import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;

import dev.interleave.bridge.Bridge;
import dev.interleave.instrumentation.AgentInstaller;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The JDK under the scheduler, measured: schedules per second of three threads sharing a {@code ReentrantLock} and a
 * {@code ConcurrentHashMap}, and what the agent costs a thread that no test manages: a tight loop over a
 * {@code HashMap}, before the agent is attached, after, and while another thread explores schedules, all in one JVM.
 * Run with {@code mvn -q -Pbenchmark verify -DskipTests}; started directly, its {@code main} attaches the agent
 * itself, after the loop's first measurement. {@code -Dbenchmark.rounds} (default 15), {@code -Dbenchmark.loop}
 * (merge+get pairs per round, default 2,000,000) and {@code -Dbenchmark.schedules} (default 2,000) shrink it.
 */
public final class JdkBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 15);
    private static final int WARM_UP = 20;
    private static final int LOOP = Integer.getInteger("benchmark.loop", 2_000_000);
    private static final int SCHEDULES = Integer.getInteger("benchmark.schedules", 2_000);

    private JdkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The loop's class is loaded, warmed up and measured before anything attaches the agent.
        HashMapLoop.teachTheJitOtherCallers(LOOP);
        for (int i = 0; i < WARM_UP; i++) {
            HashMapLoop.run(LOOP);
        }
        double before = bestOpsPerSecond();

        // Attached here, before any other class of the benchmark loads (Explorations' nested class would load with
        // it, unexplored, if the engine attached the agent in the middle of an exploration); the two classes loaded
        // before, this one and the loop's, have run, and are retransformed.
        AgentInstaller.Installation agent = AgentInstaller.install();
        Launcher launcher = LauncherFactory.create();
        Explorations.run(launcher, "benchmark.LockAndMap#threeThreads", Math.min(500, SCHEDULES), "1"); // warms up
        // The same loop from the class file as compiled, defined as a hidden class, which no agent instruments:
        // measured in turns with the instrumented loop, in the same JVM state, it tells what the hooks cost.
        MethodHandle uninstrumented = uninstrumentedLoop();
        agent.restoreJdkNow(); // as a second after the last test: the JDK's collections run the JDK's bytecode
        for (int i = 0; i < WARM_UP; i++) {
            HashMapLoop.run(LOOP);
            invoke(uninstrumented);
        }
        double attached = 0;
        double twin = 0;
        for (int round = 0; round < ROUNDS; round++) {
            attached = Math.max(attached, opsPerSecond(() -> HashMapLoop.run(LOOP)));
            twin = Math.max(twin, opsPerSecond(() -> invoke(uninstrumented)));
        }

        // As while a test explores on another thread: the JDK's explored classes carry their hooks, and the bridge
        // looks up each thread's scheduler. The exploration itself is left out, so that its threads do not take the
        // loop's core on a small machine.
        agent.beginJdkExploration();
        int slot = Bridge.activate();
        double duringExploration;
        try {
            for (int i = 0; i < WARM_UP; i++) {
                HashMapLoop.run(LOOP);
            }
            duringExploration = bestOpsPerSecond();
        } finally {
            Bridge.deactivate(slot);
            agent.endJdkExploration();
        }

        double lockAndMap = 0;
        for (int round = 0; round < 3; round++) {
            lockAndMap = Math.max(lockAndMap,
                    Explorations.run(launcher, "benchmark.LockAndMap#threeThreads", SCHEDULES, "3").perSecond());
        }

        System.out.println("The JDK under the scheduler (JDK " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.println();
        System.out.printf(Locale.ROOT, "  %-62s %16s %8s%n", "a thread no test manages: HashMap loop", "ops per second",
                "cost");
        System.out.printf(Locale.ROOT, "  %-62s %16.0f %8s%n", "before the agent is attached", before, "-");
        System.out.printf(Locale.ROOT, "  %-62s %16.0f %7.1f%%%n", "agent attached, no test running", attached,
                cost(before, attached));
        System.out.printf(Locale.ROOT, "  %-62s %16.0f %7.1f%%%n",
                "  the same loop uninstrumented, measured in turns with it", twin, cost(twin, attached));
        System.out.printf(Locale.ROOT, "  %-62s %16.0f %7.1f%%%n", "agent attached, a test running on another thread",
                duringExploration, cost(before, duringExploration));
        System.out.println("  (best of " + ROUNDS + " rounds of " + LOOP + " merge+get pairs; target: under 10%)");
        System.out.println();
        System.out.printf(Locale.ROOT, "  3 threads, ReentrantLock + ConcurrentHashMap: %.0f schedules per second"
                + " (best of 3 explorations of %,d)%n", lockAndMap, SCHEDULES);
        System.exit(0);
    }

    private static double cost(double baseline, double measured) {
        return 100 * (baseline / measured - 1);
    }

    private static double bestOpsPerSecond() {
        double best = 0;
        for (int round = 0; round < ROUNDS; round++) {
            best = Math.max(best, opsPerSecond(() -> HashMapLoop.run(LOOP)));
        }
        return best;
    }

    private static double opsPerSecond(Runnable loop) {
        long started = System.nanoTime();
        loop.run();
        return LOOP / ((System.nanoTime() - started) / 1e9);
    }

    /** {@link HashMapLoop#run} from its class file as compiled, in a hidden class: agents never see those. */
    private static MethodHandle uninstrumentedLoop() throws Exception {
        byte[] bytes;
        try (InputStream in = HashMapLoop.class.getResourceAsStream("HashMapLoop.class")) {
            bytes = in.readAllBytes();
        }
        MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
        return hidden.findStatic(hidden.lookupClass(), "run", MethodType.methodType(void.class, int.class));
    }

    private static void invoke(MethodHandle loop) {
        try {
            loop.invokeExact(LOOP);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
