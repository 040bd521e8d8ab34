package dev.interleave.strategy;

import java.util.BitSet;

/**
 * One decision of an exhaustive exploration's current path, kept from one schedule to the next: which choices it
 * offered, which it has explored, and which it must still explore. A choice is a thread, or for a {@code notify()},
 * the index of the waiter it wakes. Only thread ids and indices are kept, never objects of a schedule, so that
 * every schedule that passes this way can be compared with it.
 */
final class DecisionNode {

    /** Whether the choice is of a waiter to wake rather than of a thread to run. */
    final boolean waiter;
    /** The choices offered: thread ids in ascending order, or waiter indices 0..n-1. */
    final int[] choices;
    /** The thread that reached the decision if it could go on, else -1. */
    final int running;
    /** Whether that thread asked to let others go first: a switch away from it is no preemption. */
    final boolean yielding;
    /** Preemptions on the path before this decision. */
    final int preemptionsBefore;

    int chosen;
    /** The choices that must be explored from here: races found so far say so. */
    final BitSet backtrack = new BitSet();
    final BitSet done = new BitSet();
    /** Done threads whose step from here was a single operation, whose effect the decision itself describes. */
    final BitSet simple = new BitSet();
    /** Threads asleep here: exploring them would only repeat schedules explored already. */
    final BitSet sleep = new BitSet();
    /** Threads that only wait for the others here (they yielded, or spin): not explored while another can run. */
    final BitSet waiting = new BitSet();

    DecisionNode(boolean waiter, int[] choices, int running, boolean yielding, int preemptionsBefore, int chosen) {
        this.waiter = waiter;
        this.choices = choices;
        this.running = running;
        this.yielding = yielding;
        this.preemptionsBefore = preemptionsBefore;
        this.chosen = chosen;
        backtrack.set(chosen);
        done.set(chosen);
    }

    /** Whether {@code choice} can be explored here: it is offered and does not only wait. */
    boolean offers(int choice) {
        if (waiting.get(choice)) {
            return false;
        }
        for (int offered : choices) {
            if (offered == choice) {
                return true;
            }
        }
        return false;
    }

    /** Whether choosing {@code thread} here switches away from a thread that could go on. */
    boolean preempts(int thread) {
        return !waiter && running >= 0 && !yielding && thread != running;
    }

    /** Marks every choice offered for exploring. */
    void backtrackAll() {
        for (int choice : choices) {
            backtrack.set(choice);
        }
    }
}
