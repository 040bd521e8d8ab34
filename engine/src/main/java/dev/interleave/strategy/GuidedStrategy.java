package dev.interleave.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Runs a schedule after another one. It either replays recorded decisions exactly, as a schedule file holds them,
 * or follows a plan of runs: which thread takes how many steps in a row, run after run. Either way it notes the runs
 * the schedule it made took, and which of its decisions were preemptions (switches away from a thread that could
 * have gone on), so that a shrinker can plan the next schedule from it: the same runs, with two runs of one thread
 * that a preemption split put back together.
 */
public final class GuidedStrategy implements SchedulingStrategy, StepListener {

    /** A thread's run of steps in a row. */
    public static final class Run {
        final int thread;
        final int steps;

        Run(int thread, int steps) {
            this.thread = thread;
            this.steps = steps;
        }

        @Override
        public String toString() {
            return thread + "x" + steps;
        }
    }

    private final int[] replayed;
    private int next;
    private final List<Run> plan;
    private int planned;
    private int left;
    private final List<Run> runs = new ArrayList<>();
    private int runThread = -1;
    private int runSteps;
    private int preemptions;

    private GuidedStrategy(int[] replayed, List<Run> plan) {
        this.replayed = replayed;
        this.plan = plan;
        this.left = plan == null || plan.isEmpty() ? 0 : plan.get(0).steps;
    }

    /** Replays {@code decisions} exactly, as a schedule file holds them. */
    public static GuidedStrategy replaying(int[] decisions) {
        return new GuidedStrategy(decisions, null);
    }

    /** Follows {@code plan}: its runs in turn, each thread taking its run's steps before the next run's thread. */
    public static GuidedStrategy following(List<Run> plan) {
        return new GuidedStrategy(null, plan);
    }

    @Override
    public StepListener listener() {
        return this;
    }

    @Override
    public void step(int thread, Object target, long location, int kind, boolean global, int site) {
        if (thread != runThread) {
            endRun();
            runThread = thread;
        }
        runSteps++;
        if (plan != null && planned < plan.size() && plan.get(planned).thread == thread && left > 0) {
            left--;
        }
    }

    private void endRun() {
        if (runSteps > 0) {
            runs.add(new Run(runThread, runSteps));
        }
        runSteps = 0;
    }

    @Override
    public int pickThread(Decision decision) {
        int choice = replayed != null ? replayedThread(decision) : plannedThread(decision);
        if (decision.running() >= 0 && !decision.yielding() && choice != decision.running()) {
            preemptions++;
        }
        return choice;
    }

    private int replayedThread(Decision decision) {
        int choice = nextReplayed("which thread runs next");
        if (decision.indexOf(choice) < 0) {
            int[] enabled = new int[decision.count()];
            for (int i = 0; i < enabled.length; i++) {
                enabled[i] = decision.thread(i);
            }
            throw new LeftRecordedPath("decision " + next + " of the recording runs thread " + choice
                    + ", but only threads " + Arrays.toString(enabled) + " can run");
        }
        return choice;
    }

    /** The thread of the plan's current run, while it has steps left and can run; else the running thread. */
    private int plannedThread(Decision decision) {
        while (planned < plan.size() && left == 0) {
            planned++;
            left = planned < plan.size() ? plan.get(planned).steps : 0;
        }
        if (planned < plan.size() && decision.indexOf(plan.get(planned).thread) >= 0) {
            return plan.get(planned).thread;
        }
        return decision.running() >= 0 ? decision.running() : decision.thread(0);
    }

    @Override
    public int pickWaiter(int count) {
        int choice = replayed != null ? nextReplayed("which waiting thread a notify() wakes") : 0;
        if (choice < 0 || choice >= count) {
            throw new LeftRecordedPath("decision " + next + " of the recording wakes waiter " + choice + ", but "
                    + count + " threads wait");
        }
        return choice;
    }

    private int nextReplayed(String question) {
        if (next == replayed.length) {
            throw new LeftRecordedPath("the recording's " + replayed.length + " decisions are used up, but the program"
                    + " asks " + question);
        }
        return replayed[next++];
    }

    /** How many of the decisions taken switched away from a thread that could have gone on. */
    public int preemptions() {
        return preemptions;
    }

    /** The runs of steps the schedule took, in order. */
    public List<Run> runs() {
        endRun();
        return Collections.unmodifiableList(new ArrayList<>(runs));
    }

    /**
     * {@code runs} with the {@code index}-th run's thread taking its next run (the first later run of the same thread)
     * right after it, and everything else in order; null when the thread has no later run.
     */
    public static List<Run> merged(List<Run> runs, int index) {
        Run first = runs.get(index);
        for (int later = index + 1; later < runs.size(); later++) {
            if (runs.get(later).thread == first.thread) {
                List<Run> plan = new ArrayList<>(runs.subList(0, index));
                plan.add(new Run(first.thread, first.steps + runs.get(later).steps));
                plan.addAll(runs.subList(index + 1, later));
                plan.addAll(runs.subList(later + 1, runs.size()));
                return plan;
            }
        }
        return null;
    }
}
