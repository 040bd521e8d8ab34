package dev.interleave.engine.execution;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import dev.interleave.engine.statics.StaticState;
import dev.interleave.scheduler.ExpectedTrace;
import dev.interleave.scheduler.ScheduleLimits;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.scheduler.ScheduleRecording;
import dev.interleave.scheduler.Scheduler;
import dev.interleave.scheduler.TestThread;
import dev.interleave.strategy.GuidedStrategy;
import dev.interleave.strategy.SchedulingStrategy;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs the schedules of one test method, one after another, on one reused test thread: each with a fresh instance
 * of the test class and its {@code @BeforeEach}/{@code @AfterEach} methods around it. Explorations and replays
 * both go through it, so a replayed schedule runs exactly as it was recorded. Before each, the static state of the
 * classes under test is put back as the first schedule found it.
 */
public final class ScheduleRunner implements AutoCloseable {

    static final String TEST_THREAD_NAME = "interleave-test";

    /** What one schedule runs on the test thread: made anew for every schedule, outside it. */
    public interface Bodies {
        Runnable next();
    }

    private final Bodies bodies;
    private final long watchdogMillis;
    private TestThread testThread = new TestThread(TEST_THREAD_NAME);
    private final StaticState statics;
    private final boolean spuriousWakeups;
    private ScheduleOutcome previous;

    /** Whether waits may end spuriously in the schedules this runner explores. */
    boolean spuriousWakeups() {
        return spuriousWakeups;
    }

    /** {@code watchdogMillis}: how long a thread may run without a scheduling point (see {@link Settings}). */
    ScheduleRunner(Class<?> testClass, Method method, LifecycleMethods lifecycle, StaticState statics,
            boolean spuriousWakeups, long watchdogMillis) {
        this(() -> lifecycle.aroundTest(newInstances(testClass), method), statics, spuriousWakeups, watchdogMillis);
    }

    /** Runs the schedules of whatever {@code bodies} makes: a test that another engine runs, say. */
    public ScheduleRunner(Bodies bodies, StaticState statics, boolean spuriousWakeups, long watchdogMillis) {
        this.bodies = bodies;
        this.watchdogMillis = watchdogMillis;
        this.statics = statics;
        this.spuriousWakeups = spuriousWakeups;
        initializeOutsideSchedules(REFLECTION_FAILURES);
    }

    /**
     * JUnit's reflection turns the exception of a method it invokes into an unchecked one with this class. When a
     * schedule is abandoned (a replay that left its path, say) before anything threw in this JVM, its static
     * initializer would run on thread 0 as it unwinds, and the first collection it touched would unwind it too,
     * leaving the class unusable for the rest of the JVM. Initialized here, on the engine's thread, it never is.
     */
    private static final String REFLECTION_FAILURES = "org.junit.platform.commons.util.ExceptionUtils";

    private static void initializeOutsideSchedules(String className) {
        try {
            Class.forName(className, true, ReflectionSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // another JUnit version: nothing to prepare
        }
    }

    /** The static state put back before every schedule, and what of it could not be. */
    public StaticState statics() {
        return statics;
    }

    /**
     * Runs one schedule chosen by {@code strategy}; records it into {@code recording} unless that is null, and
     * checks it against {@code expected} unless that is null.
     */
    public ScheduleOutcome run(SchedulingStrategy strategy, ScheduleLimits limits, ScheduleRecording recording,
            ExpectedTrace expected) throws InterruptedException {
        return run(strategy, limits, recording, expected, spuriousWakeups);
    }

    /**
     * As {@link #run(SchedulingStrategy, ScheduleLimits, ScheduleRecording, ExpectedTrace)}, with waits ending
     * spuriously or not as {@code spuriousWakeups} says, whatever this runner was configured with: a replay runs
     * under the setting its schedule was recorded with, on which its decisions depend.
     */
    ScheduleOutcome run(SchedulingStrategy strategy, ScheduleLimits limits, ScheduleRecording recording,
            ExpectedTrace expected, boolean spuriousWakeups) throws InterruptedException {
        return run(strategy, limits, recording, expected, spuriousWakeups, false);
    }

    /**
     * The longest failing schedule that is run again to show its values: running a hang of a million steps once more
     * would take as long as finding it did, for the values of the 2,200 steps a report keeps.
     */
    static final long MAX_STEPS_SHOWING_VALUES = 250_000;

    /**
     * Runs the schedule that {@code recorded} ran, again, capturing the value of every step, for the report that
     * shows its trace: explorations do not capture values, which costs a reflective read per access. Returns the new
     * outcome if it followed the recorded path and failed the same way, else {@code recorded} as it was (also when it
     * took more than {@link #MAX_STEPS_SHOWING_VALUES} steps, or was not recorded).
     */
    public ScheduleOutcome rerunShowingValues(ScheduleOutcome recorded, ScheduleLimits limits)
            throws InterruptedException {
        ScheduleRecording recording = recorded.recording();
        if (recording == null || !recorded.failed() || !recorded.leakedThreads().isEmpty()
                || recorded.steps() > MAX_STEPS_SHOWING_VALUES) {
            return recorded;
        }
        ScheduleRecording.Fingerprint fingerprint = recording.fingerprint();
        ScheduleOutcome again = run(GuidedStrategy.replaying(recording.decisions()), limits, new ScheduleRecording(),
                new ExpectedTrace(fingerprint.events(), fingerprint.trace()), spuriousWakeups, true);
        return Shrinker.sameFailure(again, recorded.failure()) && again.leakedThreads().isEmpty() ? again : recorded;
    }

    /**
     * As the other {@code run} methods; {@code showValues} captures the value of every step (see
     * {@link Scheduler#capturingValues}).
     */
    ScheduleOutcome run(SchedulingStrategy strategy, ScheduleLimits limits, ScheduleRecording recording,
            ExpectedTrace expected, boolean spuriousWakeups, boolean showValues) throws InterruptedException {
        statics.beforeSchedule();
        Runnable body = bodies.next();
        Scheduler scheduler = new Scheduler(strategy, limits.withWatchdog(watchdogMillis))
                .whenClassInitialized(statics::initialized).spuriousWakeups(spuriousWakeups);
        if (recording != null) {
            scheduler.recordingInto(recording);
        }
        if (expected != null) {
            scheduler.replaying(expected);
        }
        if (showValues) {
            scheduler.capturingValues();
        }
        ScheduleOutcome outcome = scheduler.run(testThread, body);
        statics.ran(outcome.trace());
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
    private static List<Object> newInstances(Class<?> testClass) {
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
        statics.close();
    }
}
