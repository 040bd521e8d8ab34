package dev.interleave.samples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.interleave.schedulefile.ScheduleFiles;
import dev.interleave.schedulefile.ScheduleRecord;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a schedule file costs: its size on disk and the time to write and to read it, for real failing schedules of
 * about 100,000 and 1,000,000 steps (two threads counting under a lock, a random choice of thread wherever both can
 * run). Run with {@code mvn -q -Pbenchmark verify -DskipTests}, which starts it with {@code
 * dev.interleave.samples.AgentFirst} in front (the agent attached before any class of the benchmark loads).
 * {@code -Dbenchmark.rounds} (default 5) and {@code -Dbenchmark.longFailures=tenThousandSteps} (the methods of
 * {@link LongFailure} measured; by default the hundred thousand and the million steps) shrink it.
 */
public final class ScheduleFileBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    /** Methods of {@link LongFailure}, whose failing schedules are measured. */
    private static final List<String> SCHEDULES = List.of(System.getProperty("benchmark.longFailures", "")
            .isBlank() ? new String[] {"hundredThousandSteps", "millionSteps"}
            : System.getProperty("benchmark.longFailures").split(","));

    private ScheduleFileBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Launcher launcher = LauncherFactory.create();
        List<ScheduleRecord> records = new ArrayList<>();
        for (String schedule : SCHEDULES) {
            records.add(record(launcher, schedule.trim()));
        }
        Path directory = Files.createTempDirectory("interleave-schedule-benchmark");
        try {
            // Warm up the JIT on the codec before timing it.
            measure(directory, records.get(0));

            System.out.println("Schedule files (JDK " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores)");
            System.out.println();
            System.out.printf(Locale.ROOT, "  %10s %10s %10s %12s %12s %12s%n", "steps", "decisions", "raw bytes",
                    "file bytes", "write ms", "read ms");
            System.out.printf(Locale.ROOT, "  %10s %10s %10s %12s %12s %12s%n", "", "", "", "",
                    "(best of " + ROUNDS + ")", "(best of " + ROUNDS + ")");
            for (ScheduleRecord record : records) {
                Result result = measure(directory, record);
                long raw = 4L * (record.decisions().length + record.trace().length);
                System.out.printf(Locale.ROOT, "  %,10d %,10d %,10d %,12d %12.1f %12.1f%n", record.trace().length,
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

    /** Records a real failing schedule of about {@code steps} steps and reads its file back. */
    private static ScheduleRecord record(Launcher launcher, String sample) {
        Explorations.Run run = Explorations.run(launcher, "benchmark.LongFailure#" + sample, 1, "1");
        if (run.scheduleFile == null) {
            throw new IllegalStateException("LongFailure#" + sample + " saved no schedule file");
        }
        return ScheduleFiles.read(run.scheduleFile);
    }
}
