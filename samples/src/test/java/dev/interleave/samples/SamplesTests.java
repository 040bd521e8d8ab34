package dev.interleave.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Every sample, run through the engine with fixed seeds: each {@link BugSample} must fail with the kind of failure
 * it names, each fixed program must pass every schedule.
 */
class SamplesTests {

    private static final List<Class<?>> SAMPLES = List.of(CounterSample.class, CheckThenActSample.class,
            OverSynchronizedSample.class, PipeSample.class, LockOrderSample.class, LazyInitSample.class,
            HalfWrittenPairSample.class, WaitNotifySample.class, ConcurrentLocksSample.class,
            BoundedBufferSample.class, ConcurrentMapSample.class, ReaderWriterSample.class);

    private static final List<String> SEEDS = List.of("1", "2026", "interleave");

    @TestFactory
    Stream<DynamicTest> everySampleBehavesAsDocumented() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> sample : SAMPLES) {
            Arrays.stream(sample.getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(ConcurrencyTest.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(method -> SEEDS.forEach(seed -> tests.add(DynamicTest.dynamicTest(
                            sample.getSimpleName() + "." + method.getName() + " with seed " + seed,
                            () -> check(sample, method, seed)))));
        }
        return tests.stream();
    }

    private static void check(Class<?> sample, Method method, String seed) {
        TestExecutionResult result = run(sample, method, seed);
        BugSample bug = method.getAnnotation(BugSample.class);
        if (bug == null) {
            assertThat(result.getStatus()).as("%s must pass, but: %s", method.getName(),
                    result.getThrowable().map(Throwable::getMessage).orElse(""))
                    .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
            return;
        }
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(result.getThrowable()).get().isInstanceOfSatisfying(ConcurrencyFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(bug.value());
            assertThat(failure.seed()).isEqualTo(seed);
            assertThat(failure.getMessage()).contains("Interleaving, ").contains("-Dinterleave.seed=" + seed);
        });
    }

    private static TestExecutionResult run(Class<?> sample, Method method, String seed) {
        List<Event> finished = EngineTestKit.engine("interleave")
                .selectors(selectMethod(sample, method))
                .configurationParameter("interleave.seed", seed)
                .configurationParameter("interleave.schedules", "300")
                .execute()
                .testEvents().finished().list();
        assertThat(finished).hasSize(1);
        return finished.get(0).getRequiredPayload(TestExecutionResult.class);
    }
}
