package dev.interleave.engine.execution;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyTest;
import dev.interleave.Strategy;
import dev.interleave.report.FailureReport;
import dev.interleave.scheduler.ScheduleLimits;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.scheduler.Scheduler;
import dev.interleave.scheduler.TestThread;
import dev.interleave.strategy.RandomStrategy;
import dev.interleave.strategy.Seeds;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Explores one {@code @ConcurrencyTest} method: runs it under schedule after schedule, each with a fresh instance of
 * its class, until one fails or the budget is spent.
 */
public final class Exploration {

    static final String TEST_THREAD_NAME = "interleave-test";

    private final Class<?> testClass;
    private final Method method;
    private final InterleaveExecutionContext context;
    private final TestDescriptor descriptor;

    public Exploration(Class<?> testClass, Method method, InterleaveExecutionContext context,
            TestDescriptor descriptor) {
        this.testClass = testClass;
        this.method = method;
        this.context = context;
        this.descriptor = descriptor;
    }

    public void run() throws InterruptedException, TimeoutException {
        checkSignature();
        ConcurrencyTest annotation = AnnotationSupport.findAnnotation(method, ConcurrencyTest.class)
                .orElseThrow(() -> new JUnitException(method + " is not annotated with @ConcurrencyTest"));
        Settings settings = Settings.resolve(annotation, context.configuration());
        if (!settings.replay.isEmpty()) {
            throw new JUnitException("replaying a schedule file (" + settings.replay + ") is not available in this"
                    + " version of Interleave; re-run the failing seed instead with -D" + Settings.SEED + "=<seed>");
        }
        if (settings.strategy != Strategy.RANDOM) {
            throw new JUnitException("the " + settings.strategy + " strategy is not available in this version of"
                    + " Interleave; use " + Strategy.RANDOM);
        }
        AgentStatus.requireInstrumented(testClass);
        LifecycleMethods lifecycle = LifecycleMethods.of(testClass);

        long base = Seeds.parse(settings.seed);
        long started = System.nanoTime();
        Optional<Duration> timeout = timeout();
        ScheduleLimits limits = ScheduleLimits.withMaxSteps(settings.maxSteps);
        if (timeout.isPresent()) {
            limits = limits.withDeadline(started + timeout.get().toNanos());
        }
        long steps = 0;
        int schedule = 0;
        TestThread testThread = new TestThread(TEST_THREAD_NAME);
        ScheduleOutcome previous = null;
        try {
            while (schedule < settings.schedules) {
                if (limits.isPast(System.nanoTime())) {
                    throw timedOut(settings, schedule, timeout.get(), steps, started);
                }
                schedule++;
                Object instance = newInstance();
                Scheduler scheduler = new Scheduler(new RandomStrategy(Seeds.forSchedule(base, schedule)), limits);
                ScheduleOutcome outcome = scheduler.run(testThread, lifecycle.aroundTest(instance, method));
                if (outcome.timedOut()) {
                    throw timedOut(settings, schedule - 1, timeout.get(), steps, started);
                }
                if (previous != null) {
                    previous.awaitThreadsExited(); // long gone: it bounds the threads alive to one schedule's
                }
                previous = outcome;
                steps += outcome.steps();
                if (outcome.failed()) {
                    publish(settings, schedule, steps, started, "failed");
                    Throwable cause = outcome.failure().cause();
                    if (outcome.failure().thread() == 0 && cause instanceof LifecycleMethodFailure) {
                        throw new LifecycleMethodFailure(cause.getMessage() + "\n(in schedule " + schedule
                                + " of the exploration with seed " + settings.seed + "; -D" + Settings.SEED + "="
                                + settings.seed + " runs it again)", cause.getCause());
                    }
                    throw report(settings, schedule).toFailure(outcome);
                }
                if (!outcome.leakedThreads().isEmpty()) {
                    throw new JUnitException("schedule " + schedule + " ended, but these threads would not stop: "
                            + outcome.leakedThreads());
                }
            }
        } finally {
            testThread.close();
            if (previous != null) {
                previous.awaitThreadsExited();
            }
        }
        publish(settings, schedule, steps, started, "passed");
    }

    /** Jupiter's {@code @Timeout}, on the method or its class: a wall-clock bound for the whole exploration. */
    private Optional<Duration> timeout() {
        Optional<Timeout> annotation = AnnotationSupport.findAnnotation(method, Timeout.class)
                .or(() -> AnnotationSupport.findAnnotation(testClass, Timeout.class));
        return annotation.map(t -> Duration.ofNanos(t.unit().toNanos(t.value())));
    }

    private TimeoutException timedOut(Settings settings, int schedulesDone, Duration timeout, long steps,
            long started) {
        publish(settings, schedulesDone, steps, started, "timed out");
        return new TimeoutException(method.getName() + "() timed out after " + timeout.toMillis() + " ms (@Timeout)"
                + " with " + schedulesDone + " of " + settings.schedules + " schedules explored, none failing (seed "
                + settings.seed + "); lower interleave.schedules or raise the timeout");
    }

    private FailureReport report(Settings settings, int schedule) {
        String className = testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1);
        return new FailureReport(className + "." + method.getName() + "()", className + "#" + method.getName(),
                settings.strategy.name(), settings.seed, schedule, settings.schedules);
    }

    private void publish(Settings settings, int schedules, long steps, long started, String verdict) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("interleave.verdict", verdict);
        entries.put("interleave.schedules", Integer.toString(schedules));
        entries.put("interleave.strategy", settings.strategy.name());
        entries.put("interleave.seed", settings.seed);
        entries.put("interleave.steps", Long.toString(steps));
        entries.put("interleave.millis", Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        context.listener().reportingEntryPublished(descriptor, ReportEntry.from(entries));
        System.out.printf(Locale.ROOT, "[interleave] %s.%s(): %s, %d schedule%s, strategy %s, seed %s, %.2f s%n",
                testClass.getSimpleName(), method.getName(), verdict, schedules, schedules == 1 ? "" : "s",
                settings.strategy, settings.seed, (System.nanoTime() - started) / 1e9);
    }

    private Object newInstance() {
        try {
            return ReflectionSupport.newInstance(testClass);
        } catch (RuntimeException e) {
            throw new JUnitException("could not create an instance of " + testClass.getName() + " for a schedule: "
                    + "a @ConcurrencyTest class needs a constructor without parameters (" + e + ")", e);
        }
    }

    private void checkSignature() {
        int modifiers = method.getModifiers();
        String problem = Modifier.isStatic(modifiers) ? "is static"
                : Modifier.isPrivate(modifiers) ? "is private"
                : method.getParameterCount() > 0 ? "takes parameters"
                : method.getReturnType() != void.class ? "does not return void"
                : null;
        if (problem != null) {
            throw new JUnitException("@ConcurrencyTest method " + method + " " + problem
                    + "; a @ConcurrencyTest method must be an instance method without parameters that returns void");
        }
    }
}
