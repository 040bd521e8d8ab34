package dev.interleave.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
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
            BoundedBufferSample.class, ConcurrentMapSample.class, ReaderWriterSample.class, JdkPipeSample.class,
            ConditionBufferSample.class, ThreadPoolSample.class, SharedJdkObjectSample.class);

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

    @TempDir
    static Path failures;

    private static void check(Class<?> sample, Method method, String seed) {
        TestExecutionResult result = run(sample, method, "interleave.seed", seed);
        BugSample bug = method.getAnnotation(BugSample.class);
        if (bug == null) {
            assertThat(result.getStatus()).as("%s must pass, but: %s", method.getName(),
                    result.getThrowable().map(Throwable::getMessage).orElse(""))
                    .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
            return;
        }
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(result.getThrowable()).get().isInstanceOf(ConcurrencyFailure.class);
        ConcurrencyFailure failure = (ConcurrencyFailure) result.getThrowable().get();
        assertThat(failure.kind()).isEqualTo(bug.value());
        assertThat(failure.seed()).isEqualTo(seed);
        assertThat(failure.getMessage()).contains("Interleaving, ").contains("-Dinterleave.seed=" + seed);
        assertThat(failure.scheduleFile()).as("the failing schedule is saved").isPresent();

        Path file = failure.scheduleFile().get();
        TestExecutionResult replayed = run(sample, method, "interleave.replay", file.toString());
        assertThat(replayed.getThrowable()).as("replaying %s fails again", file).get()
                .isInstanceOf(ConcurrencyFailure.class);
        ConcurrencyFailure again = (ConcurrencyFailure) replayed.getThrowable().get();
        assertThat(again.kind()).isEqualTo(failure.kind());
        assertThat(again.schedule()).isEqualTo(failure.schedule());
        assertThat(interleaving(again)).as("the replay's interleaving").isEqualTo(interleaving(failure));
    }

    private static String interleaving(ConcurrencyFailure failure) {
        String message = failure.getMessage();
        return message.substring(message.indexOf("\nInterleaving, "));
    }

    private static TestExecutionResult run(Class<?> sample, Method method, String key, String value) {
        List<Event> finished = EngineTestKit.engine("interleave")
                .selectors(selectMethod(sample, method))
                .configurationParameter(key, value)
                .configurationParameter("interleave.schedules", "300")
                .configurationParameter("interleave.failures.dir", failures.toString())
                .configurationParameter("interleave.failures.rerun", "false")
                .execute()
                .testEvents().finished().list();
        assertThat(finished).hasSize(1);
        return finished.get(0).getRequiredPayload(TestExecutionResult.class);
    }
}
