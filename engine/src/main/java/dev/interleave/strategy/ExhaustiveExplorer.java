package dev.interleave.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Every schedule of a small test, depth first: each schedule replays the decisions of the one before up to the
 * deepest decision with a choice left to explore, takes that choice, and goes on with a default choice of its own
 * (the running thread, while it can run) from there.
 *
 * <p>Unbounded, it explores with dynamic partial-order reduction and sleep sets (see {@link RaceAnalysis}): a choice
 * is explored only where a race of an earlier schedule calls for it, and never where it could only repeat an order
 * explored already, so each schedule explored is a different order of conflicting operations. When none is left,
 * every behaviour of the test has been seen: passing them all proves the test correct. With a bound on preemptions
 * (switches away from a thread that could have gone on), it explores every schedule within the bound, choice by
 * choice, as iterative context bounding does: small bounds find most bugs, and prove their absence up to the bound.
 */
final class ExhaustiveExplorer implements Explorer {

    /** Schedules longer than this many steps between decisions are too large to be explored exhaustively. */
    static final int MAX_TRANSITIONS = 20_000;

    private final int maxPreemptions;
    private final boolean reduction;
    private final List<DecisionNode> path = new ArrayList<>();
    private int prefix;
    private boolean exhausted;

    /**
     * @param maxPreemptions the most preemptions a schedule may have, or -1 for any number
     * @param reduction      false for a plain enumeration: every choice at every decision, and no thread taken for
     *                       one that only waits, so every schedule of the test is run (and a spin loop never ends)
     */
    ExhaustiveExplorer(int maxPreemptions, boolean reduction) {
        this.maxPreemptions = maxPreemptions;
        this.reduction = reduction;
    }

    /** Whether races decide what is explored (else every choice is). */
    boolean reduces() {
        return reduction && maxPreemptions < 0;
    }

    /** Whether a thread that polls with nothing changed is taken for one that only waits (see {@link Polls}). */
    boolean assumesSpinLoops() {
        return reduction;
    }

    int maxPreemptions() {
        return maxPreemptions;
    }

    List<DecisionNode> path() {
        return path;
    }

    /** How many decisions of the path the next schedule replays: the last of them takes a new choice. */
    int prefix() {
        return prefix;
    }

    @Override
    public SchedulingStrategy next(int number) {
        if (exhausted) {
            return null;
        }
        return new ExhaustiveStrategy(this);
    }

    @Override
    public void finished(long steps) {
        chooseNextPrefix();
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public String bounds() {
        String bound = maxPreemptions < 0 ? ""
                : "at most " + maxPreemptions + (maxPreemptions == 1 ? " preemption" : " preemptions");
        if (reduction) {
            return bound;
        }
        return (bound.isEmpty() ? "" : bound + " and ") + "every choice at every decision (no reduction)";
    }

    /** How many choices the path still has to explore, and the first decision that has one. */
    @Override
    public String progress() {
        int open = 0;
        int shallowest = -1;
        for (int i = 0; i < path.size(); i++) {
            int left = unexplored(path.get(i)).size();
            open += left;
            if (left > 0 && shallowest < 0) {
                shallowest = i + 1;
            }
        }
        return open == 0 ? "" : open + (open == 1 ? " choice" : " choices") + " still to explore on the current path,"
                + " the first at decision " + shallowest + " of " + path.size();
    }

    /** Backtracks to the deepest decision with a choice left; with none left, the exploration is complete. */
    private void chooseNextPrefix() {
        for (int i = path.size() - 1; i >= 0; i--) {
            DecisionNode node = path.get(i);
            List<Integer> choices = unexplored(node);
            if (!choices.isEmpty()) {
                int choice = choices.get(0);
                node.chosen = choice;
                node.done.set(choice);
                path.subList(i + 1, path.size()).clear();
                prefix = i + 1;
                return;
            }
        }
        path.clear();
        prefix = 0;
        exhausted = true;
    }

    /** The choices of {@code node} still to explore: called for by a race, not done, not asleep, within the bound. */
    private List<Integer> unexplored(DecisionNode node) {
        List<Integer> result = new ArrayList<>();
        for (int choice = node.backtrack.nextSetBit(0); choice >= 0; choice = node.backtrack.nextSetBit(choice + 1)) {
            boolean withinBound = maxPreemptions < 0
                    || node.preemptionsBefore + (node.preempts(choice) ? 1 : 0) <= maxPreemptions;
            if (!node.done.get(choice) && !node.sleep.get(choice) && !node.waiting.get(choice) && withinBound) {
                result.add(choice);
            }
        }
        return result;
    }
}
