package dev.interleave.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run of steps of one thread touched: for each place, the kinds of operation done there (see
 * {@link Decision#READ} ...), and whether some step had effects the scheduler cannot see. Places are objects of one
 * schedule, so effects are only compared within the schedule that recorded them.
 *
 * <p>Two effects conflict when one of them changes a place the other touches, or either is global: then the order of
 * their runs can change what they do.
 */
final class Effect {

    private final List<Object> targets = new ArrayList<>(2);
    private final List<Long> locations = new ArrayList<>(2);
    /** For each place, a bit for each kind of operation done there. */
    private final List<Integer> kinds = new ArrayList<>(2);
    private boolean global;
    private int steps;

    void add(Object target, long location, int kind, boolean globalStep) {
        steps++;
        global |= globalStep;
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) == target && locations.get(i) == location) {
                kinds.set(i, kinds.get(i) | 1 << kind);
                return;
            }
        }
        targets.add(target);
        locations.add(location);
        kinds.add(1 << kind);
    }

    /** The effect of the next operation of the {@code index}-th thread a decision offers. */
    static Effect of(Decision decision, int index) {
        Effect effect = new Effect();
        effect.add(decision.target(index), decision.location(index), decision.kind(index), decision.global(index));
        return effect;
    }

    boolean conflictsWith(Effect other) {
        if (global || other.global) {
            return true;
        }
        for (int i = 0; i < targets.size(); i++) {
            for (int j = 0; j < other.targets.size(); j++) {
                if (targets.get(i) == other.targets.get(j) && locations.get(i).equals(other.locations.get(j))
                        && clash(kinds.get(i), other.kinds.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether operations of the kinds {@code one} and {@code other} name, at one place, clash: one changes it. */
    private static boolean clash(int one, int other) {
        int reads = 1 << Decision.READ;
        return (one | other) != reads;
    }

    /** How many steps made this effect. */
    int steps() {
        return steps;
    }
}
