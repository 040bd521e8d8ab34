package dev.interleave.samples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.interleave.ConcurrencyFailure;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs every sample through the Interleave engine and prints what happened: each seed bug must be found and
 * reported, each fixed program must pass. With {@code -Dsample=CounterSample#lostUpdate} it runs that one sample
 * and prints its full report. Exits non-zero when a sample does not behave as expected.
 */
public final class Demo {

    private static final String FEATURED = "CounterSample#lostUpdate";

    private Demo() {
    }

    public static void main(String[] args) {
        String sample = System.getProperty("sample", "").trim();
        PrintStream out = System.out;
        List<Result> results = run(sample.isEmpty() ? selectPackage("dev.interleave.samples") : select(sample));
        if (!sample.isEmpty()) {
            results.forEach(result -> out.println(result.fullReport()));
            System.exit(results.isEmpty() ? 2 : 0);
        }
        out.println("Interleave demo: every sample bug must be found, every fixed program must pass.");
        out.println();
        int width = results.stream().mapToInt(r -> r.name.length()).max().orElse(10) + 2;
        out.printf("  %-" + width + "s %-12s %s%n", "sample", "expected", "what Interleave reported");
        int good = 0;
        for (Result result : results) {
            out.printf("  %-" + width + "s %-12s %s%s%n", result.name, result.expected(), result.summary(),
                    result.asExpected() ? "" : "   <-- NOT AS EXPECTED");
            good += result.asExpected() ? 1 : 0;
        }
        out.println();
        results.stream().filter(r -> r.name.startsWith(FEATURED.replace('#', '.'))).findFirst()
                .ifPresent(featured -> out.println("The report of " + featured.name + ", as a failing test shows it:"
                        + "\n\n" + indent(featured.fullReport())));
        out.printf("%d of %d samples behaved as expected.%n", good, results.size());
        out.println("Run one sample alone to see its full report: mvn -q -Pdemo verify -DskipTests -Dsample="
                + FEATURED);
        System.exit(good == results.size() && !results.isEmpty() ? 0 : 1);
    }

    private static DiscoverySelector select(String sample) {
        String[] parts = sample.split("#", 2);
        String className = parts[0].contains(".") ? parts[0] : "dev.interleave.samples." + parts[0];
        return parts.length == 2 ? selectMethod(className + "#" + parts[1]) : selectClass(className);
    }

    private static List<Result> run(DiscoverySelector selector) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .filters(EngineFilter.includeEngines("interleave"),
                        // the SCTBench programs are measured by the strategy benchmark instead: some of their bugs
                        // are deliberately too deep for the default strategy within the demo's budget
                        ClassNameFilter.excludeClassNamePatterns("dev\\.interleave\\.samples\\.benchmark\\..*",
                                "dev\\.interleave\\.samples\\.sctbench\\..*"))
                .build();
        Launcher launcher = LauncherFactory.create();
        Collector collector = new Collector();
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the summary below says it all
        try {
            launcher.execute(request, collector);
        } finally {
            System.setOut(console);
        }
        return collector.results;
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    /** One sample's outcome. */
    private static final class Result {
        final String name;
        final ConcurrencyFailure.Kind expectedKind;
        final TestExecutionResult result;
        final Map<String, String> entries;

        Result(String name, ConcurrencyFailure.Kind expectedKind, TestExecutionResult result,
                Map<String, String> entries) {
            this.name = name;
            this.expectedKind = expectedKind;
            this.result = result;
            this.entries = entries;
        }

        String expected() {
            return expectedKind == null ? "pass" : expectedKind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        ConcurrencyFailure failure() {
            return result.getThrowable().filter(ConcurrencyFailure.class::isInstance)
                    .map(ConcurrencyFailure.class::cast).orElse(null);
        }

        boolean asExpected() {
            if (expectedKind == null) {
                return result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            }
            ConcurrencyFailure failure = failure();
            return failure != null && failure.kind() == expectedKind;
        }

        String summary() {
            String time = String.format(Locale.ROOT, "%.2f s", Long.parseLong(entries.getOrDefault(
                    "interleave.millis", "0")) / 1000.0);
            ConcurrencyFailure failure = failure();
            if (failure != null) {
                return "found " + failure.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " in schedule " + failure.schedule() + " (seed " + failure.seed() + ", " + time + ")";
            }
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                return "passed " + entries.getOrDefault("interleave.schedules", "?") + " schedules (seed "
                        + entries.getOrDefault("interleave.seed", "?") + ", " + time + ")";
            }
            return "error: " + result.getThrowable().map(Throwable::toString).orElse("?");
        }

        String fullReport() {
            return name + ": " + result.getThrowable().map(Throwable::getMessage).orElse(summary());
        }
    }

    /** Collects the outcome and report entries of every test. */
    private static final class Collector implements TestExecutionListener {
        final List<Result> results = new ArrayList<>();
        final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();

        @Override
        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            entries.computeIfAbsent(test.getUniqueId(), id -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
        }

        @Override
        public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest() || !(test.getSource().orElse(null) instanceof MethodSource)) {
                return;
            }
            MethodSource source = (MethodSource) test.getSource().get();
            Method method = source.getJavaMethod();
            BugSample bug = method.getAnnotation(BugSample.class);
            String name = source.getJavaClass().getSimpleName() + "." + method.getName() + "()";
            results.add(new Result(name, bug == null ? null : bug.value(), result,
                    entries.getOrDefault(test.getUniqueId(), Map.of())));
        }
    }
}
