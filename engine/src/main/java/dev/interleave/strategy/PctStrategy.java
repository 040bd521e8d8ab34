package dev.interleave.strategy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte: "A Randomized Scheduler with
 * Probabilistic Guarantees of Finding Bugs", ASPLOS 2010). Every thread gets a random priority when it is first
 * seen, and the highest-priority thread that can run always runs; at d - 1 change points, chosen at random among
 * the schedule's expected steps, the thread about to run drops to a priority below every initial one. A bug of
 * depth d (d ordering constraints between threads) among n threads and k steps is found with a probability of at
 * least 1 / (n * k^(d-1)) per schedule.
 *
 * <p>Strict priorities would let a thread that spins ({@code while (!ready) Thread.yield();}) starve the thread it
 * waits for, for ever. So a thread that yields drops below every other when it honours the hint (not always, so
 * that what follows a yield is explored too: see {@link YieldHints}), and so does one that has been chosen at
 * {@value #READ_STREAK} decisions in a row without writing anything (it can only be waiting), or at
 * {@value #ANY_STREAK} in a row whatever it did: a correct spin loop ends under this strategy as on a real JVM.
 */
public final class PctStrategy implements SchedulingStrategy {

    static final int READ_STREAK = 100;
    static final int ANY_STREAK = 5_000;

    private final SplittableRandom random;
    private final YieldHints yields = new YieldHints();
    private final long[] changePoints;
    private int nextChange;
    /** Priorities by thread id; 0 while a thread has not been seen. Initial priorities are above every change's. */
    private long[] priorities = new long[8];
    private long lowest;
    private int last = -1;
    private int streak;
    private int readStreak;

    /**
     * @param seed           the schedule's seed
     * @param depth          d, the depth of the bugs this schedule targets: d - 1 change points (at least 1)
     * @param expectedSteps  k, the steps a schedule of the test is expected to take
     */
    public PctStrategy(long seed, int depth, long expectedSteps) {
        if (depth < 1) {
            throw new IllegalArgumentException("PCT's depth must be at least 1, not " + depth);
        }
        this.random = new SplittableRandom(seed);
        long steps = Math.max(1, expectedSteps);
        this.changePoints = new long[depth - 1];
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + random.nextLong(steps);
        }
        Arrays.sort(changePoints);
        this.lowest = 0;
    }

    @Override
    public int pickThread(Decision decision) {
        for (int i = 0; i < decision.count(); i++) {
            see(decision.thread(i));
        }
        int running = decision.running();
        boolean honoursYield = decision.yielding() && yields.honour(running, random);
        if (running >= 0 && (honoursYield || starving(decision, running))) {
            demote(running);
        }
        int chosen = highest(decision);
        while (nextChange < changePoints.length && decision.step() >= changePoints[nextChange]) {
            // the i-th change point gives the thread about to run priority i: above every demoted thread, below
            // every initial priority
            nextChange++;
            priorities[chosen] = nextChange;
            chosen = highest(decision);
        }
        streak = chosen == last ? streak + 1 : 0;
        readStreak = chosen == last && !decision.writes(decision.indexOf(chosen)) ? readStreak + 1 : 0;
        last = chosen;
        yields.chosen(decision, chosen);
        return chosen;
    }

    /** Whether {@code running} has had every decision for so long that it must be waiting for another thread. */
    private boolean starving(Decision decision, int running) {
        return running == last && (readStreak >= READ_STREAK || streak >= ANY_STREAK);
    }

    private void demote(int thread) {
        priorities[thread] = --lowest;
        streak = 0;
        readStreak = 0;
    }

    private void see(int thread) {
        if (thread >= priorities.length) {
            priorities = Arrays.copyOf(priorities, Math.max(thread + 1, priorities.length * 2));
        }
        if (priorities[thread] == 0) {
            // above the change points' priorities 1..d-1; distinct with overwhelming probability, ties go to the
            // lower id
            priorities[thread] = changePoints.length + 1 + random.nextLong(Long.MAX_VALUE / 2);
        }
    }

    private int highest(Decision decision) {
        int best = decision.thread(0);
        for (int i = 1; i < decision.count(); i++) {
            int thread = decision.thread(i);
            if (priorities[thread] > priorities[best]) {
                best = thread;
            }
        }
        return best;
    }

    @Override
    public int pickWaiter(int count) {
        return random.nextInt(count);
    }
}
