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
 * @param details          what a report page shows of the failure beyond the events (thread names, the exception,
 *                         what blocked threads waited for, the words of each step); null for a file of format
 *                         version 2 or older, which did not keep them
 */
public record ScheduleRecord(TestIdentity test, String strategy, String seed, int schedule, String frameworkVersion,
        String jdkVersion, int maxSteps, int[] decisions, List<EventKey> events, int[] trace,
        FailureSummary failure, Boolean spuriousWakeups, StepValues values, Details details) {

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

    /** A record without values or the report's details, as those of format version 2. */
    public ScheduleRecord(TestIdentity test, String strategy, String seed, int schedule, String frameworkVersion,
            String jdkVersion, int maxSteps, int[] decisions, List<EventKey> events, int[] trace,
            FailureSummary failure, Boolean spuriousWakeups) {
        this(test, strategy, seed, schedule, frameworkVersion, jdkVersion, maxSteps, decisions, events, trace, failure,
                spuriousWakeups, StepValues.NONE, null);
    }

    /** A record with values but without the report's details. */
    public ScheduleRecord(TestIdentity test, String strategy, String seed, int schedule, String frameworkVersion,
            String jdkVersion, int maxSteps, int[] decisions, List<EventKey> events, int[] trace,
            FailureSummary failure, Boolean spuriousWakeups, StepValues values) {
        this(test, strategy, seed, schedule, frameworkVersion, jdkVersion, maxSteps, decisions, events, trace, failure,
                spuriousWakeups, values, null);
    }

    /** The same record with {@code details}. */
    public ScheduleRecord withDetails(Details details) {
        return new ScheduleRecord(test, strategy, seed, schedule, frameworkVersion, jdkVersion, maxSteps, decisions,
                events, trace, failure, spuriousWakeups, values, details);
    }

    /** A record that does not say whether waits could end spuriously, as those of format version 1. */
    public ScheduleRecord(TestIdentity test, String strategy, String seed, int schedule, String frameworkVersion,
            String jdkVersion, int maxSteps, int[] decisions, List<EventKey> events, int[] trace,
            FailureSummary failure) {
        this(test, strategy, seed, schedule, frameworkVersion, jdkVersion, maxSteps, decisions, events, trace, failure,
                null, StepValues.NONE, null);
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

    /**
     * What the report page of a failure shows beyond the events, kept since format version 3.
     *
     * @param threadNames the managed threads' names, by id
     * @param exception   the exception with its stack trace, or null when the failure had none
     * @param waits       per thread id, what it waited for when the schedule failed, or empty for none
     * @param cycle       the deadlock's cycle of waiting threads, in order; empty for none
     * @param steps       the words of the steps the text report kept (the first and the last of a long schedule)
     */
    public record Details(List<String> threadNames, String exception, List<String> waits, int[] cycle,
            List<StepDetail> steps) {

        public Details {
            threadNames = List.copyOf(threadNames);
            waits = List.copyOf(waits);
            Objects.requireNonNull(cycle, "cycle");
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step in the words of the text report.
     *
     * @param step    the step's number, counting from 1: its event is {@code trace[step - 1]}
     * @param what    what it did
     * @param touched the object, field or element it acted on, or empty
     */
    public record StepDetail(int step, String what, String touched) {

        public StepDetail {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(touched, "touched");
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
