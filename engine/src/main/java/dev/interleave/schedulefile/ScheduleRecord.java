package dev.interleave.schedulefile;

import java.util.List;
import java.util.Objects;

/**
 * One schedule as a file keeps it: which test it ran, how it was found, every decision the strategy made, and the
 * fingerprint of the events it led to, so that a replay can follow it and say where a changed program leaves it.
 *
 * @param test             the test method the schedule ran
 * @param strategy         the strategy that found it, as {@code Strategy.name()}
 * @param seed             the exploration's seed, as the user wrote it or as it was drawn
 * @param schedule         the schedule's number in its exploration, counting from 1
 * @param frameworkVersion the Interleave version that wrote it
 * @param jdkVersion       the JDK that ran it ({@code java.version} and vendor)
 * @param maxSteps         the step bound it ran under
 * @param decisions        every choice in order: a thread id where more than one thread could run, the index of the
 *                         waiter a {@code notify()} woke where more than one waited
 * @param events           the distinct events of the trace: {@code trace} holds indices into this table
 * @param trace            the schedule's events, step by step, as indices into {@code events}
 * @param failure          how the schedule failed
 * @param spuriousWakeups  whether waits could end spuriously ({@code interleave.spuriousWakeups}) when it ran, which
 *                         its decisions depend on; null for a file of format version 1, which did not say
 * @param values           what steps of the trace read, wrote or returned, as the report printed them; none for a
 *                         file of format version 2 or older, and none for steps whose values were not captured
 */
public record ScheduleRecord(TestIdentity test, String strategy, String seed, int schedule, String frameworkVersion,
        String jdkVersion, int maxSteps, int[] decisions, List<EventKey> events, int[] trace,
        FailureSummary failure, Boolean spuriousWakeups, StepValues values) {

    public ScheduleRecord {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(frameworkVersion, "frameworkVersion");
        Objects.requireNonNull(jdkVersion, "jdkVersion");
        Objects.requireNonNull(decisions, "decisions");
        events = List.copyOf(events);
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(values, "values");
    }

    /** A record without values, as those of format version 2. */
    public ScheduleRecord(TestIdentity test, String strategy, String seed, int schedule, String frameworkVersion,
            String jdkVersion, int maxSteps, int[] decisions, List<EventKey> events, int[] trace,
            FailureSummary failure, Boolean spuriousWakeups) {
        this(test, strategy, seed, schedule, frameworkVersion, jdkVersion, maxSteps, decisions, events, trace, failure,
                spuriousWakeups, StepValues.NONE);
    }

    /** A record that does not say whether waits could end spuriously, as those of format version 1. */
    public ScheduleRecord(TestIdentity test, String strategy, String seed, int schedule, String frameworkVersion,
            String jdkVersion, int maxSteps, int[] decisions, List<EventKey> events, int[] trace,
            FailureSummary failure) {
        this(test, strategy, seed, schedule, frameworkVersion, jdkVersion, maxSteps, decisions, events, trace, failure,
                null, StepValues.NONE);
    }

    /**
     * A test method: its class's binary name, its name, and its parameter types as JUnit's method selectors write
     * them ({@code ""} for none), so that an overload is told apart.
     */
    public record TestIdentity(String className, String methodName, String parameterTypes) {

        public TestIdentity {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(methodName, "methodName");
            Objects.requireNonNull(parameterTypes, "parameterTypes");
        }

        @Override
        public String toString() {
            return className + "#" + methodName + "(" + parameterTypes + ")";
        }
    }

    /**
     * One kind of event: a thread's operation at a code location. {@code kind} is the scheduler's name for the
     * operation ({@code ACCESS}, {@code LOCK}, ...); {@code site} says where and what, the same text on every JVM.
     */
    public record EventKey(int thread, String kind, String site) {

        public EventKey {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(site, "site");
        }
    }

    /** How the schedule failed: the failure's kind ({@code ConcurrencyFailure.Kind} name), thread, and headline. */
    public record FailureSummary(String kind, int thread, String headline) {

        public FailureSummary {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(headline, "headline");
        }
    }

    /**
     * The values that steps of the trace read, wrote or returned: {@code steps} are step numbers (counting from 1, in
     * ascending order, each at most the trace's length) and {@code texts} the value of each, as the report prints it
     * ({@code 0}, {@code "a\\nb"}, {@code Node#2}, with the objects numbered as in the report). A read's value is
     * what it saw, a write's what it stored, a call's what it returned. Steps without a value have none here.
     */
    public record StepValues(int[] steps, List<String> texts) {

        public static final StepValues NONE = new StepValues(new int[0], List.of());

        public StepValues {
            Objects.requireNonNull(steps, "steps");
            texts = List.copyOf(texts);
            if (steps.length != texts.size()) {
                throw new IllegalArgumentException(steps.length + " steps but " + texts.size() + " values");
            }
        }

        /** The value of step {@code step}, or null when it has none. */
        public String of(int step) {
            int at = java.util.Arrays.binarySearch(steps, step);
            return at >= 0 ? texts.get(at) : null;
        }
    }
}
