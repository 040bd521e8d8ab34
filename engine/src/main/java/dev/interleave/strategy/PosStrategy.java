package dev.interleave.strategy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Partial-order sampling (Yuan, Yang, Gu: "Partial Order Aware Concurrency Sampling", CAV 2018). Every thread's next
 * operation has a random priority, and the operation with the highest one runs. Once it has run, every waiting
 * operation that races with it (touches the same place, one of the two writing) gets a fresh priority, and so does
 * the next operation of the thread that ran. Orders of operations that do not race are not told apart, so the
 * sampling spreads over the distinct partial orders of the races rather than over interleavings, many of which are
 * the same execution.
 *
 * <p>A thread that yields gets a priority below every other when it honours the hint (see {@link YieldHints}), so
 * a spin loop lets the thread it waits for go on, and the yielding thread going on is explored too.
 */
public final class PosStrategy implements SchedulingStrategy {

    private final SplittableRandom random;
    private final YieldHints yields = new YieldHints();
    /** By thread id; NaN while a thread's next operation has no priority yet. */
    private double[] priorities = new double[8];
    private int ran = -1;
    private Object ranTarget;
    private long ranLocation;
    private int ranKind;
    private boolean ranGlobal;

    public PosStrategy(long seed) {
        this.random = new SplittableRandom(seed);
        Arrays.fill(priorities, Double.NaN);
    }

    @Override
    public int pickThread(Decision decision) {
        grow(decision);
        if (ran >= 0) {
            // the operation that ran last time: reset every waiting operation that races with it
            for (int i = 0; i < decision.count(); i++) {
                int thread = decision.thread(i);
                if (thread != ran && Decision.conflict(ranTarget, ranLocation, ranKind, ranGlobal,
                        decision.target(i), decision.location(i), decision.kind(i), decision.global(i))) {
                    priorities[thread] = Double.NaN;
                }
            }
            priorities[ran] = Double.NaN; // its next operation is a new one
        }
        int best = -1;
        for (int i = 0; i < decision.count(); i++) {
            int thread = decision.thread(i);
            if (Double.isNaN(priorities[thread])) {
                priorities[thread] = random.nextDouble();
            }
            if (thread == decision.running() && decision.yielding() && yields.honour(thread, random)) {
                priorities[thread] = -1 - random.nextDouble();
            }
            if (best < 0 || priorities[thread] > priorities[decision.thread(best)]) {
                best = i;
            }
        }
        ran = decision.thread(best);
        yields.chosen(decision, ran);
        ranTarget = decision.target(best);
        ranLocation = decision.location(best);
        ranKind = decision.kind(best);
        ranGlobal = decision.global(best);
        return ran;
    }

    private void grow(Decision decision) {
        int highest = decision.thread(decision.count() - 1);
        if (highest >= priorities.length) {
            int old = priorities.length;
            priorities = Arrays.copyOf(priorities, Math.max(highest + 1, old * 2));
            Arrays.fill(priorities, old, priorities.length, Double.NaN);
        }
    }

    @Override
    public int pickWaiter(int count) {
        return random.nextInt(count);
    }
}
