package dev.interleave.strategy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dynamic partial-order reduction (Flanagan, Godefroid: "Dynamic Partial-Order Reduction for Model Checking
 * Software", POPL 2005), step by step as a schedule runs: for every step a thread takes, and every step a thread
 * could have taken at a decision, the latest earlier step of another thread that races with it and does not happen
 * before it calls for the decision that started that earlier step's run to try the other thread first.
 *
 * <p>Steps are analysed one by one, never as the runs of steps that decisions cut a schedule into: a run is a
 * coarse unit, and the latest run that races with another can hide an earlier, single step that races too (a thread
 * that takes a lock its rival took two decisions before, then releases what the rival released last).
 * Happens-before is the order of each thread's steps and of conflicting steps, kept as vector clocks; what each place
 * has seen is kept joined, so a step costs the places it touches, not the length of the schedule.
 */
final class RaceAnalysis {

    private final List<DecisionNode> path;
    private final Map<Place, History> places = new HashMap<>();
    /** The indices of the steps whose effects the scheduler cannot see: they conflict with every step. */
    private final Indices globals = new Indices();
    private int[] threadOf = new int[256];
    private int[] decisionOf = new int[256];
    /** For each step, its number among its thread's steps. */
    private int[] sequenceOf = new int[256];
    /** For each step, its kind, and the global flag above the kinds' bits. */
    private byte[] kindOf = new byte[256];
    private int size;
    /** For each thread, the clock of its latest step. */
    private int[][] clockOf = new int[4][];
    private int[] stepsOf = new int[4];
    /** One more than the highest thread id that took a step. */
    private int threads;
    /** The clocks of all global steps, and of all steps, joined. */
    private int[] globalClock = new int[0];
    private int[] allClock = new int[0];

    private static final int GLOBAL = 1 << 2;

    /** For each thread, the pending operation last checked, as of which of its steps, and how many steps there were. */
    private Object[] checkedTarget = new Object[4];
    private long[] checkedLocation = new long[4];
    private int[] checkedKinds = new int[4];
    private int[] checkedAtStep = new int[4];
    private int[] checkedSize = new int[4];

    RaceAnalysis(List<DecisionNode> path) {
        this.path = path;
    }

    /**
     * At the decision now made, the {@code index}-th thread (one that can run but was not chosen, or a blocked one)
     * waits to take its next step: the latest step racing with that one must also be tried after this thread, as
     * at every state of the schedule. What was checked at an earlier decision, for the same operation, is not
     * checked again: only the steps taken since can be later races.
     */
    void pending(Decision decision, int index) {
        int thread = decision.thread(index);
        Object target = decision.target(index);
        long location = decision.location(index);
        int kinds = 1 << decision.kind(index);
        boolean global = decision.global(index);
        reverseLatestRace(thread, target, location, kinds, global, checkedBefore(thread, target, location, kinds));
        remember(thread, target, location, kinds);
    }

    /** {@code thread} took a step, in the run of steps that the {@code decision}-th decision started (or -1). */
    void step(int thread, int decision, Object target, long location, int kind, boolean global) {
        reverseLatestRace(thread, target, location, 1 << kind, global,
                checkedBefore(thread, target, location, 1 << kind));
        Place place = new Place(target, location);
        History history = places.computeIfAbsent(place, key -> new History());
        int[] clock = join(copy(clockOf(thread)), globalClock);
        if (global) {
            clock = join(clock, allClock);
        } else {
            clock = join(clock, history.changes);
            if (kind != Decision.READ) {
                clock = join(clock, history.reads);
            }
        }
        if (thread >= stepsOf.length) {
            stepsOf = Arrays.copyOf(stepsOf, thread + 1);
            clockOf = Arrays.copyOf(clockOf, thread + 1);
        }
        threads = Math.max(threads, thread + 1);
        int sequence = ++stepsOf[thread];
        clock = grow(clock, thread + 1);
        clock[thread] = sequence;
        clockOf[thread] = clock;
        if (kind == Decision.READ) {
            history.reads = join(history.reads, clock);
        } else {
            history.changes = join(history.changes, clock);
            history.changing.add(size);
        }
        history.all.add(size);
        if (global) {
            globalClock = join(globalClock, clock);
            globals.add(size);
        }
        allClock = join(allClock, clock);
        append(thread, decision, sequence, (byte) (kind | (global ? GLOBAL : 0)));
    }

    /**
     * The latest step so far, from the {@code from}-th on, of another thread, that races with a step of
     * {@code thread} doing {@code kinds} at one place, and does not happen before that thread's latest step: its
     * decision must also try {@code thread}.
     */
    private void reverseLatestRace(int thread, Object target, long location, int kinds, boolean global, int from) {
        int[] known = clockOf(thread);
        BitSet ordered = new BitSet();
        ordered.set(thread);
        Candidates candidates = candidates(target, location, kinds, global);
        for (int i = candidates.next(); i >= from; i = candidates.next()) {
            int other = threadOf[i];
            if (ordered.get(other) || !races(kindOf[i], kinds, global)) {
                continue;
            }
            if (known == null || other >= known.length || known[other] < sequenceOf[i]) {
                backtrack(decisionOf[i], thread);
                return;
            }
            // this step happens before, and so do all earlier steps of its thread
            ordered.set(other);
            if (ordered.cardinality() >= Math.max(threads, thread + 1)) {
                return;
            }
        }
    }

    /** The steps that may race with a step at one place, latest first. */
    private Candidates candidates(Object target, long location, int kinds, boolean global) {
        if (global) {
            return new Candidates(null, null, size);
        }
        History history = places.get(new Place(target, location));
        Indices atPlace = history == null ? null : kinds == 1 << Decision.READ ? history.changing : history.all;
        return new Candidates(atPlace, globals, 0);
    }

    /** Whether an earlier step of {@code earlier} kind races with a later one doing {@code laterKinds}. */
    private static boolean races(byte earlier, int laterKinds, boolean laterGlobal) {
        if ((earlier & GLOBAL) != 0 || laterGlobal) {
            return true;
        }
        int kind = earlier & 3;
        for (int later = Decision.READ; later <= Decision.RELEASE; later++) {
            boolean changes = kind != Decision.READ || later != Decision.READ;
            // a release only enables the acquire after it: no order of the two can be reversed
            boolean enabling = kind == Decision.RELEASE && later == Decision.ACQUIRE;
            if ((laterKinds & 1 << later) != 0 && changes && !enabling) {
                return true;
            }
        }
        return false;
    }

    private void backtrack(int decision, int thread) {
        if (decision < 0) {
            return; // the earlier step was in a run no decision chose: no other thread could run then
        }
        DecisionNode node = path.get(decision);
        if (node.offers(thread)) {
            node.backtrack.set(thread);
        } else {
            node.backtrackAll();
        }
    }

    /** The steps already checked against this pending operation of {@code thread}: none, unless checked before. */
    private int checkedBefore(int thread, Object target, long location, int kinds) {
        if (thread < checkedSize.length && checkedSize[thread] > 0 && checkedTarget[thread] == target
                && checkedLocation[thread] == location && checkedKinds[thread] == kinds
                && checkedAtStep[thread] == stepsOf(thread)) {
            return checkedSize[thread];
        }
        return 0;
    }

    private void remember(int thread, Object target, long location, int kinds) {
        if (thread >= checkedSize.length) {
            int grown = Math.max(thread + 1, checkedSize.length * 2);
            checkedTarget = Arrays.copyOf(checkedTarget, grown);
            checkedLocation = Arrays.copyOf(checkedLocation, grown);
            checkedKinds = Arrays.copyOf(checkedKinds, grown);
            checkedAtStep = Arrays.copyOf(checkedAtStep, grown);
            checkedSize = Arrays.copyOf(checkedSize, grown);
        }
        checkedTarget[thread] = target;
        checkedLocation[thread] = location;
        checkedKinds[thread] = kinds;
        checkedAtStep[thread] = stepsOf(thread);
        checkedSize[thread] = size;
    }

    private int stepsOf(int thread) {
        return thread < stepsOf.length ? stepsOf[thread] : 0;
    }

    private void append(int thread, int decision, int sequence, byte kind) {
        if (size == threadOf.length) {
            int grown = size * 2;
            threadOf = Arrays.copyOf(threadOf, grown);
            decisionOf = Arrays.copyOf(decisionOf, grown);
            sequenceOf = Arrays.copyOf(sequenceOf, grown);
            kindOf = Arrays.copyOf(kindOf, grown);
        }
        threadOf[size] = thread;
        decisionOf[size] = decision;
        sequenceOf[size] = sequence;
        kindOf[size] = kind;
        size++;
    }

    private int[] clockOf(int thread) {
        return thread < clockOf.length ? clockOf[thread] : null;
    }

    private static int[] copy(int[] clock) {
        return clock == null ? new int[0] : clock.clone();
    }

    private static int[] grow(int[] clock, int width) {
        return clock.length >= width ? clock : Arrays.copyOf(clock, width);
    }

    /** {@code into} joined with {@code other}: possibly {@code into} itself, changed. */
    private static int[] join(int[] into, int[] other) {
        int[] result = grow(into, other.length);
        for (int k = 0; k < other.length; k++) {
            result[k] = Math.max(result[k], other[k]);
        }
        return result;
    }

    /** A place steps touch: an object of the schedule, compared by identity, and a place in it. */
    private record Place(Object target, long location) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Place place && place.target == target && place.location == location;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target) * 31 + Long.hashCode(location);
        }
    }

    /** What one place has seen: its steps, those that changed it, and the joined clocks of its reads and changes. */
    private static final class History {
        final Indices all = new Indices();
        final Indices changing = new Indices();
        int[] reads = new int[0];
        int[] changes = new int[0];
    }

    /** Step indices in ascending order. */
    private static final class Indices {
        private int[] values = new int[8];
        private int count;

        void add(int index) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = index;
        }
    }

    /**
     * Two ascending lists of step indices merged, read from the latest down; or, without lists, every index below
     * a bound.
     */
    private static final class Candidates {
        private final Indices first;
        private final Indices second;
        private int firstAt;
        private int secondAt;
        private int below;

        Candidates(Indices first, Indices second, int below) {
            this.first = first;
            this.second = second;
            this.firstAt = first == null ? -1 : first.count - 1;
            this.secondAt = second == null ? -1 : second.count - 1;
            this.below = below;
        }

        int next() {
            if (first == null && second == null) {
                return --below;
            }
            int a = firstAt >= 0 ? first.values[firstAt] : -1;
            int b = secondAt >= 0 ? second.values[secondAt] : -1;
            if (a < 0 && b < 0) {
                return -1;
            }
            if (a == b) {
                firstAt--;
                secondAt--;
                return a;
            }
            if (a > b) {
                firstAt--;
                return a;
            }
            secondAt--;
            return b;
        }
    }
}
