package dev.interleave.strategy;

/**
 * The reads one thread took since another thread last took a step: each place it read, and the instruction that
 * read it, latest last. A thread whose last reads are two identical turns of one sequence, about to start a third,
 * polls: it repeats a loop that sees nothing new. Two turns, not one: the same read twice in a row is also what a
 * getter called twice does, and that second read is an order of its own; three turns of the same sequence with
 * nothing changed in between is what a spin loop does.
 */
final class Polls {

    /** The longest turn of a loop recognised, in reads: longer loops are not taken for polls. */
    static final int LONGEST_TURN = 8;
    private static final int KEPT = 2 * LONGEST_TURN;

    private final Object[] targets = new Object[KEPT];
    private final long[] locations = new long[KEPT];
    private final int[] sites = new int[KEPT];
    /** How many reads were taken, of which the last {@link #KEPT} are kept, in a ring. */
    private int count;

    void add(Object target, long location, int site) {
        int slot = count % KEPT;
        targets[slot] = target;
        locations[slot] = location;
        sites[slot] = site;
        count++;
    }

    /**
     * Whether a read of {@code location} in {@code target} at {@code site} would start a third turn of the same
     * sequence of reads: some turn of up to {@link #LONGEST_TURN} reads was taken twice in a row, and begins with it.
     */
    boolean repeats(Object target, long location, int site) {
        int kept = Math.min(count, KEPT);
        for (int turn = 1; 2 * turn <= kept; turn++) {
            if (same(count - turn, target, location, site) && repeatedTwice(turn)) {
                return true;
            }
        }
        return false;
    }

    private boolean repeatedTwice(int turn) {
        for (int i = 1; i <= turn; i++) {
            int later = count - i;
            int earlier = later - turn;
            if (!same(later, targets[earlier % KEPT], locations[earlier % KEPT], sites[earlier % KEPT])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the {@code index}-th read (counted from 0 since the polls began) was of this place, at this site. */
    private boolean same(int index, Object target, long location, int site) {
        int slot = index % KEPT;
        return targets[slot] == target && locations[slot] == location && sites[slot] == site;
    }
}
