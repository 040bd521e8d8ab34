package dev.interleave.strategy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Selectively uniform random walk (Zhao, Wolff, Mathur, Roychoudhury: "Selectively Uniform Concurrency Testing",
 * ASPLOS 2025). A plain random walk does not sample interleavings uniformly: a thread with few steps left is as
 * likely to run as one with many, so it finishes early, and a short thread that must run in the middle of a long one
 * is rarely seen there. SURW runs, at each <em>interesting</em> step, a thread with probability proportional to the
 * interesting steps it has left, which samples the interleavings of those steps uniformly; the other steps are taken
 * in random order around them.
 *
 * <p>What is interesting is chosen per schedule among the resources the {@link EventCensus} found in earlier
 * schedules of the test (places that more than one thread touched, one of them changing it): most schedules take one
 * resource, the others a random subset. How many steps each thread has left is estimated from those schedules too,
 * and a thread that starts others carries their steps until it starts them, so that a thread started late is not
 * a thread run late. Before the census knows any resource (the first schedule), every step is a random walk's.
 *
 * <p>The walk keeps an <em>intended</em> thread, drawn by weight when a thread reaches an interesting step: threads
 * at interesting steps wait while the intended thread has not taken its own, and the others run in random order.
 * When the intended thread cannot run, or has been waited for over {@value #PATIENCE} decisions (it spins on
 * something the waiting threads must do), it is drawn again.
 *
 * <p>A pure function of its seed, what the census held when it was made, and the sequence of decisions.
 */
public final class SurwStrategy implements SchedulingStrategy, StepListener {

    /** How many decisions the intended thread may keep the others waiting. */
    static final int PATIENCE = 20_000;
    /**
     * Out of 8: how often a schedule takes a single resource as interesting. A bug that needs one thread's access to
     * come first among those of many threads is found with a probability of one in their number when its resource
     * alone is interesting, and far less when others are too (each draws the intended thread again).
     */
    private static final int SINGLE_RESOURCE_EIGHTHS = 7;

    private final SplittableRandom random;
    /** Sites whose steps are interesting; null for a plain random walk. */
    private final BitSet interesting;
    /** By thread id: the interesting steps it and the threads it will start are expected to take. */
    private long[] expected;
    /** By thread id: the interesting steps left to it (its children's included until they start). */
    private long[] weights = new long[8];
    private boolean[] seen = new boolean[8];
    private final int[] parents;
    private final StepListener alsoListening;
    private int intended = -1;
    private int waited;
    private int[] choices = new int[8];

    /**
     * @param seed          the schedule's seed
     * @param census        what earlier schedules of the exploration showed
     * @param alsoListening a listener that hears every step of the schedule too, or null
     */
    public SurwStrategy(long seed, EventCensus census, StepListener alsoListening) {
        this.random = new SplittableRandom(seed);
        this.alsoListening = alsoListening;
        int resources = census.resources();
        int threads = census.threads();
        this.parents = new int[threads];
        for (int t = 0; t < threads; t++) {
            parents[t] = census.parent(t);
        }
        if (resources == 0) {
            this.interesting = null;
            this.expected = new long[0];
            return;
        }
        boolean[] chosen = new boolean[resources];
        if (resources == 1 || random.nextInt(8) < SINGLE_RESOURCE_EIGHTHS) {
            chosen[random.nextInt(resources)] = true;
        } else {
            boolean any = false;
            for (int r = 0; r < resources; r++) {
                chosen[r] = random.nextBoolean();
                any |= chosen[r];
            }
            if (!any) {
                chosen[random.nextInt(resources)] = true;
            }
        }
        this.interesting = new BitSet();
        this.expected = new long[threads];
        for (int r = 0; r < resources; r++) {
            if (chosen[r]) {
                for (int site : census.sitesOf(r)) {
                    interesting.set(site);
                }
                for (int t = 0; t < threads; t++) {
                    expected[t] += census.steps(t, r);
                }
            }
        }
        // a thread carries the steps of the threads it starts; a parent starts before its children, so has a lower id
        for (int t = threads - 1; t > 0; t--) {
            if (parents[t] >= 0 && parents[t] < t) {
                expected[parents[t]] += expected[t];
            }
        }
    }

    @Override
    public StepListener listener() {
        return this;
    }

    @Override
    public int pickThread(Decision decision) {
        int count = decision.count();
        for (int i = 0; i < count; i++) {
            int thread = decision.thread(i);
            if (thread >= seen.length || !seen[thread]) {
                appears(thread);
            }
        }
        if (interesting == null) {
            return decision.thread(random.nextInt(count));
        }
        if (choices.length < count) {
            choices = new int[Math.max(count, choices.length * 2)];
        }
        boolean anyInteresting = false;
        boolean intendedCanRun = false;
        for (int i = 0; i < count; i++) {
            anyInteresting |= interesting.get(decision.site(i));
            intendedCanRun |= decision.thread(i) == intended;
        }
        if (!anyInteresting) {
            return decision.thread(random.nextInt(count));
        }
        if (!intendedCanRun || ++waited > PATIENCE) {
            intended = drawByWeight(decision);
            waited = 0;
        }
        // the intended thread, wherever it is, and every thread whose next step is not interesting
        int free = 0;
        for (int i = 0; i < count; i++) {
            int thread = decision.thread(i);
            if (thread == intended || !interesting.get(decision.site(i))) {
                choices[free++] = thread;
            }
        }
        return choices[random.nextInt(free)];
    }

    /**
     * A thread that can run, drawn with a probability proportional to its weight; a thread at an interesting step
     * weighs at least 1.
     */
    private int drawByWeight(Decision decision) {
        long total = 0;
        for (int i = 0; i < decision.count(); i++) {
            total += weight(decision, i);
        }
        long drawn = random.nextLong(total);
        for (int i = 0; i < decision.count(); i++) {
            drawn -= weight(decision, i);
            if (drawn < 0) {
                return decision.thread(i);
            }
        }
        throw new IllegalStateException("no thread drawn from a total weight of " + total);
    }

    private long weight(Decision decision, int index) {
        long weight = weights[decision.thread(index)];
        return interesting.get(decision.site(index)) ? Math.max(1, weight) : weight;
    }

    @Override
    public void step(int thread, Object target, long location, int kind, boolean global, int site) {
        if (thread >= seen.length || !seen[thread]) {
            appears(thread);
        }
        if (interesting != null && interesting.get(site)) {
            weights[thread] = Math.max(0, weights[thread] - 1);
            if (thread == intended) {
                intended = -1;
            }
        }
        if (alsoListening != null) {
            alsoListening.step(thread, target, location, kind, global, site);
        }
    }

    /**
     * Thread {@code thread} is seen for the first time: it takes its expected steps from the thread that started it,
     * and, if that thread was intended, becomes the intended one with the share of the weight it took, as a parent's
     * weight stood for its children's steps.
     */
    private void appears(int thread) {
        if (thread >= seen.length) {
            int size = Math.max(thread + 1, seen.length * 2);
            seen = Arrays.copyOf(seen, size);
            weights = Arrays.copyOf(weights, size);
        }
        seen[thread] = true;
        long own = thread < expected.length ? expected[thread] : 0;
        weights[thread] = own;
        int parent = thread < parents.length ? parents[thread] : -1;
        if (parent >= 0 && parent < seen.length && seen[parent]) {
            long before = weights[parent];
            weights[parent] = Math.max(0, before - own);
            if (parent == intended && before > 0 && random.nextLong(before) < own) {
                intended = thread;
            }
        }
    }

    @Override
    public int pickWaiter(int count) {
        return random.nextInt(count);
    }
}
