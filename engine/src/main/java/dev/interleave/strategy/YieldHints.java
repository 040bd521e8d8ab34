package dev.interleave.strategy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Whether a thread that yields lets the others go first. A yield is a hint, not a promise: on a real JVM the
 * yielding thread often goes on, and a strategy that always honoured it would never explore what follows the yield
 * before the others have run. So a yield is honoured with probability one half, and always once its thread has
 * yielded {@value #REPEATED} times in a row without changing anything in between: a spin loop still lets the thread
 * it waits for go on.
 */
final class YieldHints {

    static final int REPEATED = 2;

    /** By thread id: its yields since it last changed anything, as far as the strategy saw. */
    private int[] idleYields = new int[8];

    /** {@code thread} has reached a yield: returns whether it lets the others go first, this time. */
    boolean honour(int thread, SplittableRandom random) {
        if (thread >= idleYields.length) {
            idleYields = Arrays.copyOf(idleYields, Math.max(thread + 1, idleYields.length * 2));
        }
        int yields = ++idleYields[thread];
        return yields >= REPEATED || random.nextBoolean();
    }

    /** {@code thread} was chosen to change something: its next yield is a fresh hint. */
    void progressed(int thread) {
        if (thread < idleYields.length) {
            idleYields[thread] = 0;
        }
    }

    /** Notes, at a decision, that {@code chosen} was chosen: progress when its operation changes something. */
    void chosen(Decision decision, int chosen) {
        boolean itsYield = chosen == decision.running() && decision.yielding();
        if (!itsYield && decision.writes(decision.indexOf(chosen))) {
            progressed(chosen);
        }
    }
}
