package dev.interleave.scheduler;

import java.util.List;

/** What one schedule did: its steps, and its failure if it had one. */
public final class ScheduleOutcome {

    private final ScheduleFailure failure;
    private final List<TraceEvent> trace;
    private final List<String> threadNames;
    private final long steps;
    private final int decisions;
    private final List<String> leakedThreads;
    private final List<Thread> threads;

    private final boolean timedOut;

    private final int traceSize;
    private final ScheduleRecording recording;
    private final String divergence;
    private final boolean pruned;
    private final long fingerprint;
    private List<String> daemonsStopped = List.of();
    private boolean testThreadLeftRunning;

    ScheduleOutcome(ScheduleFailure failure, boolean timedOut, List<TraceEvent> trace, int traceSize,
            List<String> threadNames, long steps, int decisions, List<String> leakedThreads, List<Thread> threads,
            ScheduleRecording recording, String divergence, boolean pruned, long fingerprint) {
        this.pruned = pruned;
        this.fingerprint = fingerprint;
        this.recording = recording;
        this.divergence = divergence;
        this.failure = failure;
        this.timedOut = timedOut;
        this.traceSize = traceSize;
        this.trace = trace;
        this.threadNames = threadNames;
        this.steps = steps;
        this.decisions = decisions;
        this.leakedThreads = leakedThreads;
        this.threads = threads;
    }

    /**
     * Waits until the schedule's threads have ended in the JVM. They have left the code under test already; only
     * the JVM's own exit work can remain, so this returns at once unless the call comes right after the schedule.
     */
    public void awaitThreadsExited() throws InterruptedException {
        for (Thread thread : threads) {
            if (thread.getState() != Thread.State.NEW) {
                thread.join();
            }
        }
    }

    ScheduleOutcome withDaemonsStopped(List<String> threads) {
        this.daemonsStopped = threads;
        return this;
    }

    ScheduleOutcome withTestThreadLeftRunning(boolean leftRunning) {
        this.testThreadLeftRunning = leftRunning;
        return this;
    }

    /**
     * Whether thread 0 would not stop when the schedule was abandoned (a loop without a scheduling point): it cannot
     * run another schedule, and is left running.
     */
    public boolean testThreadLeftRunning() {
        return testThreadLeftRunning;
    }

    /**
     * The daemon threads that were still running when the test method returned, and were stopped as a JVM stops them
     * when it exits; empty when none were.
     */
    public List<String> daemonsStopped() {
        return daemonsStopped;
    }

    public boolean failed() {
        return failure != null;
    }

    /** The strategy stopped the schedule as redundant: it would only have repeated an order explored already. */
    public boolean pruned() {
        return pruned;
    }

    /** A hash of the schedule's steps (thread, kind, site): equal for two schedules that ran the same interleaving. */
    public long fingerprint() {
        return fingerprint;
    }

    /** The exploration's deadline stopped this schedule before it ended. */
    public boolean timedOut() {
        return timedOut;
    }

    public ScheduleFailure failure() {
        return failure;
    }

    /** The steps kept for the report: the first and the last of a long schedule (see {@link #traceSize()}). */
    public List<TraceEvent> trace() {
        return trace;
    }

    /** How many steps the schedule took. */
    public int traceSize() {
        return traceSize;
    }

    /** The names of the managed threads, by id. */
    public List<String> threadNames() {
        return threadNames;
    }

    public long steps() {
        return steps;
    }

    /** How many scheduling points had more than one thread to choose from. */
    public int decisions() {
        return decisions;
    }

    /** The decisions and event fingerprint of the schedule, or null when it was not recorded. */
    public ScheduleRecording recording() {
        return recording;
    }

    /** For a replay: where it left the recorded path, or null when it followed it to the end. */
    public String divergence() {
        return divergence;
    }

    /** Threads that could not be stopped when the schedule was abandoned, with where they were stuck. */
    public List<String> leakedThreads() {
        return leakedThreads;
    }
}
