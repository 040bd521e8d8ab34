package dev.interleave.samples.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * How fast schedules of a hundred threads run: SCTBench's reorder and two-stage programs with 100 threads, explored
 * by the random walk (which does not find their bugs, so every schedule of the budget runs), next to the same
 * programs with 10 threads. Steps per second that fall from 10 threads to 100 are a cost per step that grows with the
 * number of threads.
 *
 * <p>Run with {@code mvn -q -Pmany-threads-benchmark verify -DskipTests}; {@code -Dbenchmark.schedules} changes
 * the budget (default 100), {@code -Dbenchmark.rounds} how many times each measurement is taken (default 2).
 * {@code -Dbenchmark.baseline=<class path>} also measures other builds of the engine and the agent (their two jars,
 * or class directories), put ahead of this one's on the class path: the rounds alternate between the two, each in
 * a JVM of its own, so that both are measured in one sitting under the same load, and the figures are printed side
 * by side. Each measurement runs in a JVM of its own, after a warm-up round.
 */
public final class ManyThreadsBenchmark {

    private static final List<String> SAMPLES = ManyThreadsMeasurement.SAMPLES;
    private static final int SCHEDULES = Integer.getInteger("benchmark.schedules", 100);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);
    private static final String BASELINE = System.getProperty("benchmark.baseline", "").strip();

    private ManyThreadsBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, Measurements> builds = new LinkedHashMap<>();
        builds.put("this build", new Measurements(System.getProperty("java.class.path")));
        if (!BASELINE.isEmpty()) {
            builds.put("baseline", new Measurements(BASELINE + File.pathSeparator
                    + System.getProperty("java.class.path")));
        }
        System.out.printf(Locale.ROOT, "JDK %s, %d schedules of each sample per round, %d rounds; load average %s%n",
                System.getProperty("java.version"), SCHEDULES, ROUNDS, loadAverage());
        for (int round = 1; round <= ROUNDS; round++) {
            // alternated, and in reverse order every other round, so that a change of load weighs on both alike
            List<String> order = new ArrayList<>(builds.keySet());
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (String build : order) {
                builds.get(build).take();
                System.err.println("round " + round + ", " + build + " measured; load average " + loadAverage());
            }
        }
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
        print(builds);
        System.exit(0);
    }

    private static void print(Map<String, Measurements> builds) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-36s %12s", "sample", "steps/sched"));
        for (String build : builds.keySet()) {
            header.append(String.format(Locale.ROOT, " | %-12s %9s %10s", build, "sched/s", "steps/s"));
        }
        if (builds.size() == 2) {
            header.append(" | this/baseline");
        }
        System.out.println(header);
        for (String sample : SAMPLES) {
            Measurements first = builds.values().iterator().next();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-36s %12d", sample,
                    first.stepsPerSchedule(sample)));
            List<Double> rates = new ArrayList<>();
            for (Measurements measurements : builds.values()) {
                rates.add(measurements.schedulesPerSecond(sample));
                line.append(String.format(Locale.ROOT, " | %-12s %9.1f %10.0f", "", measurements.schedulesPerSecond(
                        sample), measurements.stepsPerSecond(sample)));
            }
            if (rates.size() == 2) {
                line.append(String.format(Locale.ROOT, " | %.2fx", rates.get(0) / rates.get(1)));
            }
            System.out.println(line);
        }
        System.out.println("(each figure: all schedules of all rounds over all their seconds; RANDOM, seed 2)");
        builds.forEach((build, measurements) -> System.out.println(build + ": the engine from " + measurements.engine));
    }

    /** The three load averages of the machine, or "unknown" where the system does not tell. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The rounds of one build: schedules, seconds and steps of each sample, summed over the rounds. */
    private static final class Measurements {
        private final String classPath;
        private final Map<String, long[]> schedulesAndSteps = new LinkedHashMap<>();
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        /** Where the measuring JVM loaded the engine from. */
        private String engine;

        Measurements(String classPath) {
            this.classPath = classPath;
        }

        void take() throws IOException, InterruptedException {
            List<String> output = ChildJvm.run(classPath, ManyThreadsMeasurement.class, List.of(Integer.toString(SCHEDULES)),
                    Duration.ofHours(1));
            int results = 0;
            for (String line : output) {
                String[] fields = line.split(" ");
                if (fields.length == 2 && fields[0].equals(ManyThreadsMeasurement.ENGINE)) {
                    engine = fields[1];
                }
                if (fields.length == 5 && fields[0].equals(ManyThreadsMeasurement.RESULT)) {
                    long[] sums = schedulesAndSteps.computeIfAbsent(fields[1], sample -> new long[2]);
                    sums[0] += Long.parseLong(fields[2]);
                    sums[1] += Long.parseLong(fields[4]);
                    seconds.merge(fields[1], Double.parseDouble(fields[3]), Double::sum);
                    results++;
                }
            }
            if (results != SAMPLES.size()) {
                throw new IllegalStateException("the measuring JVM printed " + results + " results instead of "
                        + SAMPLES.size() + ": " + String.join(System.lineSeparator(), output));
            }
        }

        double schedulesPerSecond(String sample) {
            return schedulesAndSteps.get(sample)[0] / seconds.get(sample);
        }

        double stepsPerSecond(String sample) {
            return schedulesAndSteps.get(sample)[1] / seconds.get(sample);
        }

        long stepsPerSchedule(String sample) {
            long[] sums = schedulesAndSteps.get(sample);
            return sums[1] / Math.max(1, sums[0]);
        }
    }
}
