package dev.interleave.strategy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One schedule of an {@link ExhaustiveExplorer}: replays the path's decisions up to its prefix, checking that the
 * test offers the same choices as before, then takes a default choice at every new decision (the running thread,
 * while it can go on) and records it on the path. It hears every step (as a {@link StepListener}) and hands it to a
 * {@link RaceAnalysis}, which adds to the path's decisions the other choices that the races of the schedule call for.
 *
 * <p>With reduction on, it keeps the schedule's sleep set: threads whose next operation was explored already from
 * an earlier decision, and is independent of everything that ran since. They are not chosen while asleep; a decision
 * at which every thread that could run is asleep ends the schedule, which would only repeat an explored one.
 *
 * <p>A thread that only waits for others is not chosen while another can run: one about to start a third turn of
 * the same reads, at the same instructions, with nothing changed since any other thread last ran (a spin loop, see
 * {@link Polls}). Going on with it could only repeat what it did, and a spin loop would otherwise have a new
 * interleaving for every turn it takes. This is the one assumption the exploration makes about the test: that such
 * a loop does nothing but wait (a loop that counts how often it saw a value breaks it). A {@code yield} is no such
 * wait: it only makes the others the default choice, and the yielding thread going on is explored like any other.
 * A plain enumeration (no reduction) makes no assumption at all: a test whose loops can spin does not end under it.
 */
final class ExhaustiveStrategy implements SchedulingStrategy, StepListener {

    private final ExhaustiveExplorer explorer;
    private final List<DecisionNode> path;
    private int decision;
    private final RaceAnalysis races;
    private int transitions;
    private Transition current;
    /** The sleep set: each sleeping thread with the effect of its next operation, in this schedule's objects. */
    private final Map<Integer, Effect> asleep = new LinkedHashMap<>();
    /** By thread: what it has only read since another thread last took a step, or none once it changed anything. */
    private final Map<Integer, Polls> polls = new HashMap<>();
    private int preemptions;
    private boolean tooLarge;

    ExhaustiveStrategy(ExhaustiveExplorer explorer) {
        this.explorer = explorer;
        this.path = explorer.path();
        this.races = explorer.reduces() ? new RaceAnalysis(path) : null;
    }

    @Override
    public StepListener listener() {
        return this;
    }

    @Override
    public int pickThread(Decision choice) {
        checkSize();
        close();
        int index = decision++;
        int[] threads = threadsOf(choice);
        Map<Integer, Effect> next = new HashMap<>();
        BitSet waiting = new BitSet();
        for (int i = 0; i < choice.count(); i++) {
            int thread = choice.thread(i);
            Effect effect = Effect.of(choice, i);
            next.put(thread, effect);
            if (waits(choice, i)) {
                waiting.set(thread);
            }
        }
        if (waiting.cardinality() == choice.count()) {
            waiting.clear(); // every thread only waits: a livelock, which runs on until the step bound says so
        }
        DecisionNode node;
        if (index < explorer.prefix()) {
            node = path.get(index);
            if (node.waiter || !Arrays.equals(node.choices, threads) || node.running != choice.running()) {
                throw diverged(index, node.waiter ? "a notify() chose its waiter" : "threads "
                        + Arrays.toString(node.choices) + " could run", "threads " + Arrays.toString(threads)
                        + " could run");
            }
        } else {
            node = new DecisionNode(false, threads, choice.running(), choice.yielding(), preemptions,
                    chooseNew(choice, waiting));
            node.waiting.or(waiting);
            if (!explorer.reduces()) {
                node.backtrackAll();
            }
            for (int thread : asleep.keySet()) {
                node.sleep.set(thread);
            }
            path.add(node);
        }
        int chosen = node.chosen;
        if (races != null) {
            for (int i = 0; i < choice.alive(); i++) {
                if (choice.thread(i) != chosen) {
                    races.pending(choice, i);
                }
            }
            // the threads explored from here before this one fall asleep, if what they did was one operation that
            // the decision describes; the chosen thread itself wakes, as it runs
            for (int done = node.done.nextSetBit(0); done >= 0; done = node.done.nextSetBit(done + 1)) {
                if (done != chosen && node.simple.get(done) && next.containsKey(done)) {
                    asleep.put(done, next.get(done));
                }
            }
            asleep.remove(chosen);
        }
        preemptions += node.preempts(chosen) ? 1 : 0;
        current = new Transition(chosen, index);
        return chosen;
    }

    /** Whether the {@code index}-th thread {@code choice} offers only waits for another thread. */
    private boolean waits(Decision choice, int index) {
        if (!explorer.assumesSpinLoops()) {
            return false;
        }
        Polls reads = polls.get(choice.thread(index));
        return reads != null && choice.kind(index) == Decision.READ && !choice.global(index)
                && reads.repeats(choice.target(index), choice.location(index), choice.site(index));
    }

    /**
     * A new decision's default: the running thread while it can go on and does not wait, else the next one that
     * neither sleeps nor waits; with none, the schedule is stopped, as it would only repeat explored ones.
     */
    private int chooseNew(Decision choice, BitSet waiting) {
        int running = choice.running();
        if (running >= 0 && !asleep.containsKey(running) && !waiting.get(running) && !choice.yielding()) {
            return running;
        }
        int start = running < 0 ? 0 : choice.indexOf(running) + 1;
        for (int k = 0; k < choice.count(); k++) {
            int thread = choice.thread((start + k) % choice.count());
            if (!asleep.containsKey(thread) && !waiting.get(thread)) {
                return thread;
            }
        }
        throw new SchedulePruned();
    }

    @Override
    public int pickWaiter(int count) {
        checkSize();
        int index = decision++;
        asleep.clear(); // which thread wakes changes what the sleepers would do
        if (index < explorer.prefix()) {
            DecisionNode node = path.get(index);
            if (!node.waiter || node.choices.length != count) {
                throw diverged(index, node.waiter ? node.choices.length + " threads waited" : "a thread was chosen",
                        "a notify() chose one of " + count + " waiting threads");
            }
            return node.chosen;
        }
        int[] waiters = new int[count];
        for (int i = 0; i < count; i++) {
            waiters[i] = i;
        }
        DecisionNode node = new DecisionNode(true, waiters, -1, false, preemptions, 0);
        node.backtrackAll();
        path.add(node);
        return 0;
    }

    @Override
    public void step(int thread, Object target, long location, int kind, boolean global, int site) {
        if (current == null || current.thread != thread) {
            close();
            current = new Transition(thread, -1); // a switch no decision made: the only thread that could run
        }
        current.effect.add(target, location, kind, global);
        if (races != null) {
            races.step(thread, current.decision, target, location, kind, global);
        }
        tooLarge |= transitions > ExhaustiveExplorer.MAX_TRANSITIONS;
        // the others may now see something new; what this thread sees is new once anything changes
        polls.keySet().removeIf(other -> other != thread);
        if (kind == Decision.READ && !global) {
            polls.computeIfAbsent(thread, key -> new Polls()).add(target, location, site);
        } else {
            polls.remove(thread);
        }
    }

    /** Refuses, at a decision, a schedule too long to analyse; a step itself is no place to stop a thread. */
    private void checkSize() {
        if (tooLarge) {
            throw new LeftRecordedPath("a schedule of this test takes more than " + ExhaustiveExplorer.MAX_TRANSITIONS
                    + " runs of steps between decisions, too many for the EXHAUSTIVE strategy; use PCT or POS");
        }
    }

    /** The current run of steps ended: it wakes the sleepers it conflicts with. */
    private void close() {
        if (current == null) {
            return;
        }
        transitions++;
        if (current.decision >= 0 && current.effect.steps() <= 1) {
            path.get(current.decision).simple.set(current.thread);
        }
        asleep.values().removeIf(effect -> effect.conflictsWith(current.effect));
        asleep.remove(current.thread);
        current = null;
    }

    private static int[] threadsOf(Decision choice) {
        int[] threads = new int[choice.count()];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = choice.thread(i);
        }
        return threads;
    }

    private static LeftRecordedPath diverged(int index, String before, String now) {
        return new LeftRecordedPath("the test ran differently with the same decisions: at decision " + (index + 1)
                + ", " + before + " in an earlier schedule, but now " + now + ". EXHAUSTIVE needs a test that does the"
                + " same each time it runs the same schedule (no randomness, wall-clock time or state kept between"
                + " runs)");
    }
}
