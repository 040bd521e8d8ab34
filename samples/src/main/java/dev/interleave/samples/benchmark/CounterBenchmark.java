package dev.interleave.samples.benchmark;

import java.util.Arrays;
import java.util.Locale;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Seed 002's counter, side by side: Interleave's schedules per second and schedules to the first failure, next to a
 * plain loop of real threads (runs per second, runs to the first failure) and the cost of starting the test's thread,
 * which is the floor for both. Run with {@code mvn -q -Pbenchmark verify -DskipTests}, which starts it with {@code
 * dev.interleave.samples.AgentFirst} in front (the agent attached before any class of the benchmark loads).
 * {@code -Dbenchmark.schedules} (default 5,000; the soak runs twice as many), {@code -Dbenchmark.seeds} (20),
 * {@code -Dbenchmark.plainCap} (200,000), {@code -Dbenchmark.threadRuns} (20,000) and {@code
 * -Dbenchmark.longSchedules} (20) shrink it.
 */
public final class CounterBenchmark {

    private static final int SCHEDULES = Integer.getInteger("benchmark.schedules", 5_000);
    private static final int SEEDS = Integer.getInteger("benchmark.seeds", 20);
    private static final int ROUNDS = 3;
    private static final int PLAIN_CAP = Integer.getInteger("benchmark.plainCap", 200_000);
    /** Threads started and joined per measurement of the floor, and in its warm-up. */
    private static final int THREAD_RUNS = Integer.getInteger("benchmark.threadRuns", 20_000);
    /** Schedules of 40,000 steps per measurement of what recording costs them. */
    private static final int LONG_SCHEDULES = Integer.getInteger("benchmark.longSchedules", 20);

    private CounterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Launcher launcher = LauncherFactory.create();
        // Warm up the agent, the engine and the JIT on a short run of each.
        Explorations.run(launcher, "CounterSample#synchronizedIncrement", Math.min(2_000, SCHEDULES), "1");
        plainRuns(THREAD_RUNS, false);
        threadStartFloor(THREAD_RUNS);

        // Best of three, for Interleave and for the floor alike: a shared machine only ever slows a run down.
        // Recording on and off alternate within each round, so that a slower stretch of the machine hits both.
        double interleavePerSecond = 0;
        double unrecordedPerSecond = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Explorations.Run correct = Explorations.run(launcher, "CounterSample#synchronizedIncrement", SCHEDULES, "7");
            interleavePerSecond = Math.max(interleavePerSecond, correct.schedules / correct.seconds);
            Explorations.Run unrecorded = Explorations.run(launcher, "CounterSample#synchronizedIncrement", SCHEDULES, "7", false);
            unrecordedPerSecond = Math.max(unrecordedPerSecond, unrecorded.schedules / unrecorded.seconds);
        }
        double longRecorded = 0;
        double longUnrecorded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Explorations.Run recorded = Explorations.run(launcher, "benchmark.LongCounter#twoLongLoops", LONG_SCHEDULES, "7");
            longRecorded = Math.max(longRecorded, recorded.schedules / recorded.seconds);
            Explorations.Run unrecorded = Explorations.run(launcher, "benchmark.LongCounter#twoLongLoops", LONG_SCHEDULES, "7",
                    false);
            longUnrecorded = Math.max(longUnrecorded, unrecorded.schedules / unrecorded.seconds);
        }

        int[] toFirstBug = new int[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            toFirstBug[seed] = Explorations.run(launcher, "CounterSample#lostUpdate", 3_000, Integer.toString(seed + 1))
                    .failingSchedule;
        }
        Arrays.sort(toFirstBug);

        long threadsBefore = Thread.getAllStackTraces().size();
        long heapBefore = usedHeapAfterGc();
        Explorations.Run soak = Explorations.run(launcher, "CounterSample#synchronizedIncrement", 2 * SCHEDULES, "11");
        long threadsAfter = Thread.getAllStackTraces().size();
        long heapAfter = usedHeapAfterGc();

        PlainResult plain = plainRuns(PLAIN_CAP, true);
        double floor = 0;
        for (int round = 0; round < ROUNDS; round++) {
            floor = Math.max(floor, threadStartFloor(THREAD_RUNS));
        }

        System.out.println("Seed 002 counter: two threads, read-increment-write, no lock (JDK "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.println();
        System.out.printf(Locale.ROOT, "  %-46s %14s %22s%n", "", "runs per second", "runs to first failure");
        System.out.printf(Locale.ROOT, "  %-46s %14s %22s%n", "", "(best of " + ROUNDS + ")", "");
        System.out.printf(Locale.ROOT, "  %-46s %14.0f %22s%n", "Interleave (RANDOM), correct counter", interleavePerSecond,
                "-");
        System.out.printf(Locale.ROOT, "  %-46s %14s %22s%n", "Interleave (RANDOM), lost update, " + SEEDS + " seeds", "-",
                "median " + toFirstBug[SEEDS / 2] + ", max " + toFirstBug[SEEDS - 1]);
        System.out.printf(Locale.ROOT, "  %-46s %14.0f %22s%n", "plain loop of real threads, lost update", plain.perSecond,
                plain.firstFailure < 0 ? "none in " + plain.runs : Integer.toString(plain.firstFailure));
        System.out.printf(Locale.ROOT, "  %-46s %14.0f %22s%n", "floor: start and join the test's thread", floor, "-");
        System.out.println();
        System.out.printf(Locale.ROOT, "  %-46s %14s %14s %8s%n", "recording of decisions and trace", "recorded",
                "not recorded", "cost");
        System.out.printf(Locale.ROOT, "  %-46s %14.0f %14.0f %7.1f%%%n", "correct counter, schedules per second",
                interleavePerSecond, unrecordedPerSecond, 100 * (unrecordedPerSecond / interleavePerSecond - 1));
        System.out.printf(Locale.ROOT, "  %-46s %14.1f %14.1f %7.1f%%%n", "40,000-step schedules per second",
                longRecorded, longUnrecorded, 100 * (longUnrecorded / longRecorded - 1));
        System.out.println();
        System.out.printf(Locale.ROOT, "  Interleave costs %.1fx the floor per run (target: within 2x of what starting"
                + " the test's threads costs).%n", floor / interleavePerSecond);
        System.out.printf(Locale.ROOT, "  %d schedules, each starting a thread: live threads %d before, %d after;"
                + " heap in use after GC %.1f MB before, %.1f MB after.%n", soak.schedules, threadsBefore, threadsAfter, heapBefore / 1e6, heapAfter / 1e6);
        System.exit(0);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /** The same counter, run for real: a plain stress loop, as a test without Interleave would do it. */
    private static PlainResult plainRuns(int cap, boolean stopAtFailure) throws InterruptedException {
        int firstFailure = -1;
        long started = System.nanoTime();
        int run = 0;
        while (run < cap) {
            run++;
            PlainCounter counter = new PlainCounter();
            Thread other = new Thread(counter::increment);
            other.start();
            counter.increment();
            other.join();
            if (counter.count != 2 && firstFailure < 0) {
                firstFailure = run;
                if (stopAtFailure) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new PlainResult(run / seconds, firstFailure, run);
    }

    private static double threadStartFloor(int runs) throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Thread thread = new Thread(() -> { });
            thread.start();
            thread.join();
        }
        return runs / ((System.nanoTime() - started) / 1e9);
    }

    private static final class PlainResult {
        final double perSecond;
        final int firstFailure;
        final int runs;

        PlainResult(double perSecond, int firstFailure, int runs) {
            this.perSecond = perSecond;
            this.firstFailure = firstFailure;
            this.runs = runs;
        }
    }

    /** The counter of seed 002 without any framework. */
    static final class PlainCounter {
        int count;

        void increment() {
            count++;
        }
    }
}
