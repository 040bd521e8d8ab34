package dev.interleave.samples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import dev.interleave.schedulefile.ScheduleFiles;
import dev.interleave.schedulefile.ScheduleRecord;
import dev.interleave.schedulefile.ScheduleRecord.EventKey;
import dev.interleave.schedulefile.ScheduleRecord.FailureSummary;
import dev.interleave.schedulefile.ScheduleRecord.TestIdentity;

/**
 * What a schedule file costs: its size on disk and the time to write and to read it, for schedules of 100,000 and
 * 1,000,000 steps shaped like the scheduler's (three threads each running a loop of a few events, a random choice of
 * thread at about half of the steps). Run with {@code mvn -q -Pbenchmark verify -DskipTests}.
 */
public final class ScheduleFileBenchmark {

    private static final int ROUNDS = 5;

    private ScheduleFileBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Files.createTempDirectory("interleave-schedule-benchmark");
        try {
            // Warm up the JIT on the codec before timing it.
            measure(directory, record(100_000, 1));

            System.out.println("Schedule files (JDK " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores)");
            System.out.println();
            System.out.printf(Locale.ROOT, "  %10s %10s %10s %12s %12s %12s%n", "steps", "decisions", "raw bytes",
                    "file bytes", "write ms", "read ms");
            System.out.printf(Locale.ROOT, "  %10s %10s %10s %12s %12s %12s%n", "", "", "", "",
                    "(best of " + ROUNDS + ")", "(best of " + ROUNDS + ")");
            for (int steps : new int[] {100_000, 1_000_000}) {
                ScheduleRecord record = record(steps, 42);
                Result result = measure(directory, record);
                long raw = 4L * (record.decisions().length + record.trace().length);
                System.out.printf(Locale.ROOT, "  %,10d %,10d %,10d %,12d %12.1f %12.1f%n", steps,
                        record.decisions().length, raw, result.bytes, result.writeMillis, result.readMillis);
            }
            System.out.println();
            System.out.println("  raw bytes: the decisions and the trace as plain ints; file bytes: the whole file.");
        } finally {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    private static Result measure(Path directory, ScheduleRecord record) throws IOException {
        Path file = directory.resolve("benchmark-" + record.trace().length + ".schedule");
        double write = Double.MAX_VALUE;
        double read = Double.MAX_VALUE;
        // Best of several: a shared machine only ever slows a round down.
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            ScheduleFiles.write(file, record);
            write = Math.min(write, (System.nanoTime() - started) / 1e6);
            started = System.nanoTime();
            ScheduleRecord back = ScheduleFiles.read(file);
            read = Math.min(read, (System.nanoTime() - started) / 1e6);
            if (!Arrays.equals(back.trace(), record.trace()) || !Arrays.equals(back.decisions(), record.decisions())) {
                throw new IllegalStateException(file + " did not read back as written");
            }
        }
        return new Result(Files.size(file), write, read);
    }

    private static final class Result {
        final long bytes;
        final double writeMillis;
        final double readMillis;

        Result(long bytes, double writeMillis, double readMillis) {
            this.bytes = bytes;
            this.writeMillis = writeMillis;
            this.readMillis = readMillis;
        }
    }

    /**
     * A schedule like the scheduler's: three threads, each running a loop of twelve events over and over, with a
     * random choice of the next thread at about half of the steps.
     */
    private static ScheduleRecord record(int steps, long seed) {
        Random random = new Random(seed);
        int threads = 3;
        int perThread = 12;
        List<EventKey> events = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            for (int i = 0; i < perThread; i++) {
                events.add(new EventKey(thread, i % 3 == 0 ? "LOCK" : "ACCESS",
                        "dev.interleave.samples.CounterSample.increment(CounterSample.java:" + (40 + i) + ") count"));
            }
        }
        int[] position = new int[threads];
        int[] trace = new int[steps];
        int[] decisions = new int[steps];
        int decided = 0;
        int current = 0;
        for (int step = 0; step < steps; step++) {
            if (random.nextBoolean()) {
                current = random.nextInt(threads);
                decisions[decided++] = current;
            }
            trace[step] = current * perThread + position[current];
            position[current] = (position[current] + 1) % perThread;
        }
        return new ScheduleRecord(new TestIdentity("dev.interleave.samples.CounterSample", "lostUpdate", ""),
                "RANDOM", Long.toString(seed), 57, "0.1.0-SNAPSHOT", System.getProperty("java.version"), steps,
                Arrays.copyOf(decisions, decided), events, trace,
                new FailureSummary("ASSERTION", 0, "expected: 2 but was: 1"));
    }
}
