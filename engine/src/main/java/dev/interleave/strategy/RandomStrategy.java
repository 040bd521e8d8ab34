package dev.interleave.strategy;

import java.util.SplittableRandom;

/** A random walk: every enabled thread is equally likely at every scheduling point. */
public final class RandomStrategy implements SchedulingStrategy {

    private final SplittableRandom random;

    public RandomStrategy(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int pickThread(Decision decision) {
        return decision.thread(random.nextInt(decision.count()));
    }

    @Override
    public int pickWaiter(int count) {
        return random.nextInt(count);
    }
}
