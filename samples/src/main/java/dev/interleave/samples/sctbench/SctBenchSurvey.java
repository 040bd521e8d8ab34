package dev.interleave.samples.sctbench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.samples.BugSample;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Measures how many schedules the RANDOM strategy needs to find each bug of this package: every
 * {@link BugSample} method runs with seeds 1 to 20 and a budget of 3000 schedules, and a table shows the kind of
 * failure reported and the median and maximum schedule of the first failure. The numbers are reproducible: the same
 * seed explores the same schedules. Arguments, all optional: the number of seeds, the budget, then words of which a
 * method's {@code Class.method} name must contain one (to survey a few samples only), or, with a leading
 * {@code -}, none.
 */
public final class SctBenchSurvey {

    private static final String PACKAGE = "dev.interleave.samples.sctbench";

    private SctBenchSurvey() {
    }

    public static void main(String[] args) throws IOException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int budget = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        List<String> words = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        List<String> wanted = words.stream().filter(word -> !word.startsWith("-")).toList();
        List<String> unwanted = words.stream().filter(word -> word.startsWith("-")).map(word -> word.substring(1))
                .toList();
        PrintStream out = System.out;
        Path failures = Files.createTempDirectory("sctbench-survey");
        List<Method> bugs = buggyMethods().stream()
                .filter(method -> wanted.isEmpty() || wanted.stream().anyMatch(name(method)::contains))
                .filter(method -> unwanted.stream().noneMatch(name(method)::contains))
                .toList();
        out.printf(Locale.ROOT, "SCTBench survey: strategy RANDOM, seeds 1..%d, at most %d schedules each%n%n",
                seeds, budget);
        int width = bugs.stream().mapToInt(method -> name(method).length()).max().orElse(10) + 2;
        out.printf(Locale.ROOT, "%-" + width + "s %-10s %-10s %-7s %8s %8s %9s%n", "sample", "expected", "reported",
                "found", "median", "max", "seconds");
        for (Method method : bugs) {
            long start = System.nanoTime();
            List<Integer> firstFailures = new ArrayList<>();
            Set<String> kinds = new TreeSet<>();
            for (int seed = 1; seed <= seeds; seed++) {
                TestExecutionResult result = run(method, Integer.toString(seed), budget, failures);
                ConcurrencyFailure failure = result.getThrowable().filter(ConcurrencyFailure.class::isInstance)
                        .map(ConcurrencyFailure.class::cast).orElse(null);
                if (failure != null) {
                    kinds.add(kind(failure.kind()));
                    firstFailures.add(failure.schedule());
                } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    kinds.add("error: " + result.getThrowable().map(Throwable::toString).orElse("?"));
                }
            }
            firstFailures.sort(Comparator.naturalOrder());
            double seconds = (System.nanoTime() - start) / 1e9;
            String reported = kinds.isEmpty() ? "-" : String.join(",", kinds);
            out.printf(Locale.ROOT, "%-" + width + "s %-10s %-10s %-7s %8s %8s %9.1f%n", name(method),
                    kind(method.getAnnotation(BugSample.class).value()), reported, firstFailures.size() + "/" + seeds,
                    quantile(firstFailures, (seeds - 1) / 2, budget), quantile(firstFailures, seeds - 1, budget),
                    seconds);
        }
        out.printf(Locale.ROOT, "%nmedian and max: the schedule of the first failure over the %d seeds;"
                + " \">%d\" where it was not found within the budget.%n", seeds, budget);
        deleteAll(failures);
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The value at {@code index} of all seeds' first failures in order, counting the seeds that found none last. */
    private static String quantile(List<Integer> found, int index, int budget) {
        return index < found.size() ? Integer.toString(found.get(index)) : ">" + budget;
    }

    private static String kind(ConcurrencyFailure.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** Every {@link BugSample} method of the package, as the engine discovers them, by class and method name. */
    static List<Method> buggyMethods() {
        TestPlan plan = LauncherFactory.create().discover(request(selectPackage(PACKAGE)).build());
        List<Method> methods = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource source
                        && source.getJavaMethod().isAnnotationPresent(BugSample.class)) {
                    methods.add(source.getJavaMethod());
                }
            }
        }
        methods.sort(Comparator.comparing(SctBenchSurvey::name));
        return methods;
    }

    private static LauncherDiscoveryRequestBuilder request(DiscoverySelector selector) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .filters(EngineFilter.includeEngines("interleave"));
    }

    private static TestExecutionResult run(Method method, String seed, int budget, Path failures) {
        LauncherDiscoveryRequest request = request(selectMethod(method.getDeclaringClass(), method))
                .configurationParameter("interleave.strategy", "RANDOM")
                .configurationParameter("interleave.seed", seed)
                .configurationParameter("interleave.schedules", Integer.toString(budget))
                .configurationParameter("interleave.failures.dir", failures.toString())
                .configurationParameter("interleave.failures.rerun", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        Outcome outcome = new Outcome();
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the engine's console line per test
        try {
            launcher.execute(request, outcome);
        } finally {
            System.setOut(console);
        }
        if (outcome.result == null) {
            throw new IllegalStateException("the engine ran no test for " + name(method));
        }
        return outcome.result;
    }

    /** Keeps the outcome of the one test a request runs. */
    private static final class Outcome implements TestExecutionListener {
        TestExecutionResult result;

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                this.result = result;
            }
        }
    }
}
