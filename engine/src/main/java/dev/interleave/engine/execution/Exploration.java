package dev.interleave.engine.execution;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
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

    public void run() throws InterruptedException {
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

        long base = Seeds.parse(settings.seed);
        ScheduleLimits limits = ScheduleLimits.withMaxSteps(settings.maxSteps);
        long started = System.nanoTime();
        long steps = 0;
        int schedule = 0;
        TestThread testThread = new TestThread(TEST_THREAD_NAME);
        ScheduleOutcome previous = null;
        try {
            while (schedule < settings.schedules) {
                schedule++;
                Object instance = newInstance();
                Scheduler scheduler = new Scheduler(new RandomStrategy(Seeds.forSchedule(base, schedule)), limits);
                ScheduleOutcome outcome = scheduler.run(testThread,
                        () -> ReflectionSupport.invokeMethod(method, instance));
                if (previous != null) {
                    previous.awaitThreadsExited(); // long gone: it bounds the threads alive to one schedule's
                }
                previous = outcome;
                steps += outcome.steps();
                if (outcome.failed()) {
                    publish(settings, schedule, steps, started, "failed");
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
