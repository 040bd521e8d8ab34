package dev.interleave.engine.execution;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import dev.interleave.scheduler.ExpectedTrace;
import dev.interleave.scheduler.ScheduleLimits;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.scheduler.ScheduleRecording;
import dev.interleave.scheduler.Scheduler;
import dev.interleave.scheduler.TestThread;
import dev.interleave.strategy.SchedulingStrategy;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs the schedules of one test method, one after another, on one reused test thread: each with a fresh instance
 * of the test class and its {@code @BeforeEach}/{@code @AfterEach} methods around it. Explorations and replays
 * both go through it, so a replayed schedule runs exactly as it was recorded.
 */
final class ScheduleRunner implements AutoCloseable {

    static final String TEST_THREAD_NAME = "interleave-test";

    private final Class<?> testClass;
    private final Method method;
    private final LifecycleMethods lifecycle;
    private final long watchdogMillis;
    private TestThread testThread = new TestThread(TEST_THREAD_NAME);
    private ScheduleOutcome previous;

    /** {@code watchdogMillis}: how long a thread may run without a scheduling point (see {@link Settings}). */
    ScheduleRunner(Class<?> testClass, Method method, LifecycleMethods lifecycle, long watchdogMillis) {
        this.testClass = testClass;
        this.method = method;
        this.lifecycle = lifecycle;
        this.watchdogMillis = watchdogMillis;
    }

    /**
     * Runs one schedule chosen by {@code strategy}; records it into {@code recording} unless that is null, and
     * checks it against {@code expected} unless that is null.
     */
    ScheduleOutcome run(SchedulingStrategy strategy, ScheduleLimits limits, ScheduleRecording recording,
            ExpectedTrace expected) throws InterruptedException {
        List<Object> instances = newInstances();
        Scheduler scheduler = new Scheduler(strategy, limits.withWatchdog(watchdogMillis));
        if (recording != null) {
            scheduler.recordingInto(recording);
        }
        if (expected != null) {
            scheduler.replaying(expected);
        }
        ScheduleOutcome outcome = scheduler.run(testThread, lifecycle.aroundTest(instances, method));
        if (outcome.testThreadLeftRunning()) {
            // It would not stop (a loop without a scheduling point): it is left running, and no schedule waits for
            // it; should it ever return, it ends.
            testThread.close();
            testThread = new TestThread(TEST_THREAD_NAME);
        }
        if (previous != null) {
            previous.awaitThreadsExited(); // long gone: it bounds the threads alive to one schedule's
        }
        previous = outcome;
        return outcome;
    }

    /**
     * Fresh instances for one schedule: of the test class and, for an inner class, of every class that encloses it,
     * outermost first, each created with the one around it, as Jupiter creates those of a {@code @Nested} class.
     */
    private List<Object> newInstances() {
        List<Object> instances = new ArrayList<>();
        for (Class<?> type : LifecycleMethods.instances(testClass)) {
            try {
                instances.add(instances.isEmpty() ? ReflectionSupport.newInstance(type)
                        : ReflectionSupport.newInstance(type, instances.get(instances.size() - 1)));
            } catch (RuntimeException e) {
                throw new JUnitException("could not create an instance of " + type.getName() + " for a schedule: "
                        + (instances.isEmpty() ? "a @ConcurrencyTest class needs a constructor without parameters"
                        : "an inner class needs a constructor that takes only the instance enclosing it")
                        + " (" + e + ")", e);
            }
        }
        return instances;
    }

    @Override
    public void close() throws InterruptedException {
        testThread.close();
        if (previous != null) {
            previous.awaitThreadsExited();
        }
    }
}
