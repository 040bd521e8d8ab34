package dev.interleave.samples.benchmark;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The hunt benchmark: the sample's ordinary Jupiter tests ({@code ReadThroughCacheTest}, one with a hidden race),
 * hunted for a budget, next to the same tests run by Jupiter in a plain loop for the same budget; then what
 * running Jupiter inside each schedule costs, against the same test as a {@code @ConcurrencyTest} and against one
 * plain run of it. One run prints every figure side by side.
 *
 * <pre>
 * mvn -B -q -pl samples -am test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat samples/cp.txt):samples/target/classes:samples/target/test-classes" \
 *     dev.interleave.samples.benchmark.HuntBenchmark 60
 * </pre>
 * The argument is the budget in seconds (default 60).
 */
public final class HuntBenchmark {

    private static final String SUBJECT = "dev.interleave.samples.hunt.ReadThroughCacheTest";
    private static final Pattern SCHEDULES = Pattern.compile("\"totals\": \\{\"tests\": (\\d+), \"schedules\": (\\d+)");
    private static final Pattern TEST = Pattern.compile(
            "\"schedules\": (\\d+), \"interleavings\": \\d+, \"millis\": (\\d+)");

    private HuntBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int budget = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 60;
        System.out.printf(Locale.ROOT, "Hunt benchmark: %s, budget %d s, %d processors, JDK %s%n", SUBJECT, budget,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        hunted(budget);
        plainLoop(budget);
        overhead(Math.max(10, budget / 3));
    }

    private static void hunted(int budget) throws IOException {
        Path folder = Files.createTempDirectory("hunt-benchmark-");
        Instant started = Instant.now();
        EngineExecutionResults results = EngineTestKit.engine("interleave").selectors(selectClass(SUBJECT))
                .configurationParameter("interleave.hunt", "true")
                .configurationParameter("interleave.hunt.budget", budget + "s")
                .configurationParameter("interleave.failures.dir", folder.toString())
                .configurationParameter("interleave.failures.rerun", "false")
                .execute();
        // From the engine's start: attaching the agent and discovery come before, and are printed apart
        Instant hunting = results.allEvents().started().list().get(0).getTimestamp();
        double startup = Duration.between(started, hunting).toMillis() / 1e3;
        double seconds = Duration.between(hunting, Instant.now()).toMillis() / 1e3;
        Matcher totals = SCHEDULES.matcher(Files.readString(folder.resolve("hunt.json")));
        long schedules = totals.find() ? Long.parseLong(totals.group(2)) : -1;
        long tests = totals.group(1) == null ? 0 : Long.parseLong(totals.group(1));
        Optional<Event> first = results.testEvents().failed().stream().findFirst();
        System.out.printf(Locale.ROOT, "%-12s %6.1f s  %5d tests hunted (%.1f per minute)  %7d schedules"
                        + " (%.1f per second)  findings %d, first after %s  (before it: %.1f s to attach the agent"
                        + " and discover)%n", "hunt", seconds, tests, tests / (seconds / 60), schedules,
                schedules / seconds, results.testEvents().failed().count(),
                first.map(event -> String.format(Locale.ROOT, "%.1f s",
                        Duration.between(hunting, event.getTimestamp()).toMillis() / 1e3)).orElse("never"), startup);
    }

    /** The same tests, Jupiter alone, again and again on real threads, for the same budget. */
    private static void plainLoop(int budget) {
        long deadline = System.nanoTime() + Duration.ofSeconds(budget).toNanos();
        Instant started = Instant.now();
        long runs = 0;
        long failures = 0;
        Instant firstFailure = null;
        while (System.nanoTime() < deadline) {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SUBJECT))
                    .execute();
            runs += results.testEvents().finished().count();
            List<Event> failed = results.testEvents().failed().list();
            failures += failed.size();
            if (firstFailure == null && !failed.isEmpty()) {
                firstFailure = failed.get(0).getTimestamp();
            }
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1e3;
        System.out.printf(Locale.ROOT, "%-12s %6.1f s  %5d test runs (%.1f per second)  failures %d, first after"
                        + " %s%n", "plain loop", seconds, runs, runs / seconds, failures, firstFailure == null ? "never"
                        : String.format(Locale.ROOT, "%.1f s", Duration.between(started, firstFailure).toMillis() / 1e3));
    }

    /**
     * What a schedule costs hunted (Jupiter runs the test inside it) and as a {@code @ConcurrencyTest} (Interleave's
     * runner calls it), for the same test and the same number of schedules; and one plain Jupiter run. Wall time, and
     * the process's CPU time, which a loaded machine inflates far less.
     */
    private static void overhead(int seconds) throws IOException {
        String method = "countsEveryMissFromTwoThreads";
        Path folder = Files.createTempDirectory("hunt-overhead-");
        long cpu = cpuNanos();
        EngineTestKit.engine("interleave").selectors(selectClass(HuntOverheadSubject.class))
                .configurationParameter("interleave.hunt", "true")
                .configurationParameter("interleave.hunt.include", HuntOverheadSubject.class.getName())
                .configurationParameter("interleave.hunt.perTest", seconds + "s")
                // the method is a @ConcurrencyTest too, which the engine runs beside the hunt: one schedule of it
                .configurationParameter("interleave.schedules", "1")
                .configurationParameter("interleave.failures.dir", folder.toString())
                .execute();
        double huntCpu = (cpuNanos() - cpu) / 1e6;
        Matcher test = TEST.matcher(Files.readString(folder.resolve("hunt.json")));
        if (!test.find()) {
            throw new IllegalStateException("the hunt's summary names no test: " + folder.resolve("hunt.json"));
        }
        long schedules = Long.parseLong(test.group(1));
        // the test's own time in the hunt, its straight run and its schedules: not the engine's start
        double hunted = Long.parseLong(test.group(2)) / (double) Math.max(1, schedules);

        Instant started = Instant.now();
        cpu = cpuNanos();
        EngineExecutionResults direct = EngineTestKit.engine("interleave")
                .selectors(selectMethod(HuntOverheadSubject.class, method))
                .configurationParameter("interleave.schedules", Long.toString(schedules))
                .configurationParameter("interleave.failures.dir", folder.toString())
                .execute();
        double directMillis = Duration.between(started, Instant.now()).toMillis() / Math.max(1.0, schedules);
        double directCpu = (cpuNanos() - cpu) / 1e6 / Math.max(1, schedules);
        boolean passed = direct.testEvents().finished().stream().allMatch(event -> event
                .getRequiredPayload(TestExecutionResult.class).getStatus() == TestExecutionResult.Status.SUCCESSFUL);

        int plainRuns = 200;
        started = Instant.now();
        cpu = cpuNanos();
        for (int i = 0; i < plainRuns; i++) {
            EngineTestKit.engine("junit-jupiter").selectors(selectMethod(HuntOverheadSubject.class, method)).execute();
        }
        double plainMillis = Duration.between(started, Instant.now()).toMillis() / (double) plainRuns;
        double plainCpu = (cpuNanos() - cpu) / 1e6 / plainRuns;
        System.out.printf(Locale.ROOT, "per schedule (%d schedules each), wall / process CPU: hunted %.2f / %.2f ms,"
                        + " as @ConcurrencyTest %.2f / %.2f ms%s: running Jupiter in a schedule costs %.2f / %.2f ms;"
                        + " one plain Jupiter run of the test (discovery included) %.2f / %.2f ms%n", schedules, hunted,
                huntCpu / Math.max(1, schedules), directMillis, directCpu, passed ? "" : " (FAILED)",
                hunted - directMillis, huntCpu / Math.max(1, schedules) - directCpu, plainMillis, plainCpu);
    }

    /** CPU time of every thread of this JVM, the JIT's and the collector's included. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
