package dev.interleave.strategy;

import java.util.Arrays;

/**
 * Replays recorded decisions in order: the strategy of a schedule read back from a file. When the program asks a
 * question the recording cannot answer (more decisions than recorded, or a recorded thread that cannot run now), it
 * has left the recorded path, and the replay says so rather than guess.
 */
public final class ReplayStrategy implements SchedulingStrategy {

    private final int[] decisions;
    private int next;

    public ReplayStrategy(int[] decisions) {
        this.decisions = decisions;
    }

    @Override
    public int pickThread(int[] enabled, int count, int running) {
        int choice = nextDecision("which thread runs next");
        for (int i = 0; i < count; i++) {
            if (enabled[i] == choice) {
                return choice;
            }
        }
        throw new LeftRecordedPath("decision " + next + " of the recording runs thread " + choice + ", but only threads "
                + Arrays.toString(Arrays.copyOf(enabled, count)) + " can run");
    }

    @Override
    public int pickWaiter(int count) {
        int choice = nextDecision("which waiting thread a notify() wakes");
        if (choice < 0 || choice >= count) {
            throw new LeftRecordedPath("decision " + next + " of the recording wakes waiter " + choice + ", but "
                    + count + " threads wait");
        }
        return choice;
    }

    private int nextDecision(String question) {
        if (next == decisions.length) {
            throw new LeftRecordedPath("the recording's " + decisions.length + " decisions are used up, but the program"
                    + " asks " + question);
        }
        return decisions[next++];
    }
}
