package dev.interleave.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.sctbench.AccountSample;
import dev.interleave.samples.sctbench.ArithmeticProgressionSample;
import dev.interleave.samples.sctbench.BluetoothDriverSample;
import dev.interleave.samples.sctbench.Carter01Sample;
import dev.interleave.samples.sctbench.CircularBufferSample;
import dev.interleave.samples.sctbench.DeadlockSample;
import dev.interleave.samples.sctbench.DiningPhilosophersSample;
import dev.interleave.samples.sctbench.FsBenchSample;
import dev.interleave.samples.sctbench.LazySample;
import dev.interleave.samples.sctbench.Phase01Sample;
import dev.interleave.samples.sctbench.QueueSample;
import dev.interleave.samples.sctbench.ReorderSample;
import dev.interleave.samples.sctbench.StackSample;
import dev.interleave.samples.sctbench.StatefulSample;
import dev.interleave.samples.sctbench.StringBufferSample;
import dev.interleave.samples.sctbench.Sync01Sample;
import dev.interleave.samples.sctbench.Sync02Sample;
import dev.interleave.samples.sctbench.TokenRingSample;
import dev.interleave.samples.sctbench.TwoStageSample;
import dev.interleave.samples.sctbench.WorkStealQueueSample;
import dev.interleave.samples.sctbench.WrongLockSample;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The SCTBench programs run through the engine with fixed seeds and the default strategy, the portfolio: every fixed
 * twin passes, and every bug is found, with the kind of failure its {@link BugSample} names, within 3000 schedules,
 * but for the hundred-thread ones that the strategy benchmark measures; SURW finds the 50-thread reorder bug.
 */
class SctBenchTests {

    private static final List<Class<?>> SAMPLES = List.of(AccountSample.class, ArithmeticProgressionSample.class,
            BluetoothDriverSample.class, Carter01Sample.class, CircularBufferSample.class, DeadlockSample.class,
            DiningPhilosophersSample.class, FsBenchSample.class, LazySample.class, Phase01Sample.class,
            QueueSample.class, ReorderSample.class, StackSample.class, StatefulSample.class,
            StringBufferSample.class, Sync01Sample.class, Sync02Sample.class, TokenRingSample.class,
            TwoStageSample.class, WorkStealQueueSample.class, WrongLockSample.class);

    /**
     * The bugs this class leaves to the strategy benchmark (see {@code docs/strategies.md}): reorder and two-stage with
     * 50 and 100 threads, which the default strategy finds only after hundreds of schedules of up to a hundred
     * threads, minutes each, and the dining philosophers with five and seven, which the benchmark measures over more
     * seeds than this class runs. Take a name off this list only when the benchmark shows the default strategy finds
     * it in every seed, quickly enough for a test.
     */
    static final Set<String> MEASURED_BY_THE_BENCHMARK = Set.of(
            "ReorderSample.reorder50",
            "ReorderSample.reorder100",
            "TwoStageSample.twoStage50",
            "TwoStageSample.twoStage100",
            "DiningPhilosophersSample.leftForkFirst5",
            "DiningPhilosophersSample.leftForkFirst7");

    private static final List<String> SEEDS = List.of("1", "2026");

    @TempDir
    static Path failures;

    @TestFactory
    Stream<DynamicTest> everyFixedTwinPassesEverySchedule() {
        return methods(method -> !method.isAnnotationPresent(BugSample.class)).flatMap(method -> SEEDS.stream()
                .map(seed -> DynamicTest.dynamicTest(name(method) + " with seed " + seed, () -> {
                    TestExecutionResult result = run(method, seed, 300);
                    assertThat(result.getStatus()).as("%s must pass, but: %s", name(method),
                            result.getThrowable().map(Throwable::getMessage).orElse(""))
                            .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
                })));
    }

    @TestFactory
    Stream<DynamicTest> theDefaultStrategyFindsEveryBugWithinItsBudget() {
        return methods(method -> method.isAnnotationPresent(BugSample.class)
                && !MEASURED_BY_THE_BENCHMARK.contains(name(method))).flatMap(method -> SEEDS.stream()
                .map(seed -> DynamicTest.dynamicTest(name(method) + " with seed " + seed, () -> {
                    TestExecutionResult result = run(method, seed, 3000);
                    assertThat(result.getStatus()).as("%s must fail", name(method))
                            .isEqualTo(TestExecutionResult.Status.FAILED);
                    assertThat(result.getThrowable()).get().isInstanceOf(ConcurrencyFailure.class);
                    ConcurrencyFailure failure = (ConcurrencyFailure) result.getThrowable().get();
                    assertThat(failure.kind()).as(failure.getMessage())
                            .isEqualTo(method.getAnnotation(BugSample.class).value());
                    assertThat(failure.seed()).isEqualTo(seed);
                    assertThat(failure.scheduleFile()).as("the failing schedule is saved").isPresent();
                })));
    }

    /**
     * SURW finds the reorder bug of 50 threads, which needs the checker, started last, to read between one setter's
     * two writes before any setter has made its second: a random walk, POS and PCT did not find it within 3000.
     */
    @TestFactory
    Stream<DynamicTest> surwFindsTheManyThreadReorderBug() throws NoSuchMethodException {
        Method reorder50 = ReorderSample.class.getDeclaredMethod("reorder50");
        return SEEDS.stream().map(seed -> DynamicTest.dynamicTest("reorder50 with seed " + seed, () -> {
            TestExecutionResult result = run(reorder50, seed, 3000, "SURW");
            assertThat(result.getStatus()).as("reorder50 must fail").isEqualTo(TestExecutionResult.Status.FAILED);
            ConcurrencyFailure failure = (ConcurrencyFailure) result.getThrowable().orElseThrow();
            assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
            assertThat(failure.getMessage()).contains("the checker saw one write of a setter without the other")
                    .contains("(strategy SURW, seed " + seed + ")");
        }));
    }

    @Test
    void theDeeperBugsAreBuggySamplesOfThePackage() {
        Set<String> bugs = new TreeSet<>();
        methods(method -> method.isAnnotationPresent(BugSample.class)).forEach(method -> bugs.add(name(method)));
        assertThat(bugs).containsAll(MEASURED_BY_THE_BENCHMARK);
        assertThat(bugs).as("the shallow bugs left to test here").hasSizeGreaterThan(MEASURED_BY_THE_BENCHMARK.size());
    }

    @Test
    void everyProgramOfThePackageIsCovered() {
        TestDescriptor engine = EngineTestKit.engine("interleave")
                .selectors(selectPackage(ReorderSample.class.getPackageName()))
                .discover().getEngineDescriptor();
        Set<String> discovered = new TreeSet<>();
        for (TestDescriptor test : engine.getDescendants()) {
            if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource source) {
                discovered.add(source.getClassName().substring(source.getClassName().lastIndexOf('.') + 1) + "."
                        + source.getMethodName());
            }
        }
        Set<String> covered = new TreeSet<>();
        methods(method -> true).forEach(method -> covered.add(name(method)));
        assertThat(covered).as("the programs this class runs").isEqualTo(discovered);
    }

    private static Stream<Method> methods(Predicate<Method> which) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> sample : SAMPLES) {
            Arrays.stream(sample.getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(ConcurrencyTest.class))
                    .filter(which)
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(methods::add);
        }
        return methods.stream();
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private static TestExecutionResult run(Method method, String seed, int schedules) {
        return run(method, seed, schedules, null);
    }

    /** Runs {@code method} with {@code strategy}, or the default when null. */
    private static TestExecutionResult run(Method method, String seed, int schedules, String strategy) {
        EngineTestKit.Builder builder = EngineTestKit.engine("interleave");
        if (strategy != null) {
            builder.configurationParameter("interleave.strategy", strategy);
        }
        List<Event> finished = builder
                .selectors(selectMethod(method.getDeclaringClass(), method))
                .configurationParameter("interleave.seed", seed)
                .configurationParameter("interleave.schedules", Integer.toString(schedules))
                .configurationParameter("interleave.failures.dir", failures.toString())
                .configurationParameter("interleave.failures.rerun", "false")
                .execute()
                .testEvents().finished().list();
        assertThat(finished).hasSize(1);
        return finished.get(0).getRequiredPayload(TestExecutionResult.class);
    }
}
