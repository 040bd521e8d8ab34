package dev.interleave.strategy;

/**
 * Hears of every step a schedule takes, as the scheduler records it, described as {@link Decision} describes
 * operations. Called on the thread that took the step, one at a time.
 */
public interface StepListener {

    /**
     * Thread {@code thread} took a step that touched {@code target} at {@code location}, doing {@code kind} there
     * ({@link Decision#READ}, ...), at the code site {@code site} (see {@link Decision#site}).
     */
    void step(int thread, Object target, long location, int kind, boolean global, int site);
}
