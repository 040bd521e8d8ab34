package dev.interleave.strategy;

/**
 * A scheduling point at which more than one thread can run: the threads a strategy chooses among, and what each of
 * them will do when chosen. Valid only during the call it is passed to; the scheduler reuses it.
 *
 * <p>An operation is described by what it touches: an object ({@link #target}), a place in it ({@link #location}:
 * a field, an array element, its monitor, a thread's life cycle), what it does there ({@link #kind}), and whether its
 * effects are unknown ({@link #global}: a call into a library that runs as one step). Two operations of different
 * threads {@linkplain #conflict conflict} when their order can matter.
 */
public interface Decision {

    /** An operation that only looks: a read, {@code isAlive()}. */
    int READ = 0;
    /** An operation that changes its place: a write. */
    int WRITE = 1;
    /** An operation that waits for a release of its place: taking a lock, a thread's start, a join's return. */
    int ACQUIRE = 2;
    /** An operation that lets an acquire go on: releasing a lock, starting or ending a thread, a notify. */
    int RELEASE = 3;

    /** The {@linkplain #location location} of an object's monitor. */
    long MONITOR = -2;
    /**
     * The location of a thread's start, in the thread's own object: the starting thread releases it, and the started
     * thread's first operation acquires it.
     */
    long THREAD_START = -3;
    /** The location of the whole state of a JDK object whose operations run as one step (an atomic, a lock...). */
    long LIBRARY_OBJECT = -7;

    /** How many threads can run. */
    int count();

    /**
     * How many threads have started and not ended: those that can run, at indices below {@link #count()}, then those
     * blocked, at the indices up to this, each with the operation it waits to perform (taking a lock, a join's
     * return, waking from a wait).
     */
    int alive();

    /**
     * The id of the {@code index}-th thread that can run (ids ascend with the index), or at {@link #count()} and
     * above, of a blocked thread.
     */
    int thread(int index);

    /** The id of the thread that reached the scheduling point, whether or not it can go on. */
    int at();

    /** The id of the thread that reached the scheduling point, or -1 when it cannot go on. */
    int running();

    /** The number of the step about to be taken in this schedule, counting from 1. */
    long step();

    /** Whether the thread that reached the point asked to let others go first ({@code yield}, a spin-wait). */
    boolean yielding();

    /** The object the {@code index}-th thread's next operation touches, or null for a static field. */
    Object target(int index);

    /** Where in its target the operation acts; equal locations of one target are the same place. */
    long location(int index);

    /** What the {@code index}-th thread's next operation does: {@link #READ}, {@link #WRITE}, ... */
    int kind(int index);

    /** Whether the {@code index}-th thread's next operation changes what it touches. */
    default boolean writes(int index) {
        return kind(index) != READ;
    }

    /** Whether the {@code index}-th thread's next operation has effects the scheduler cannot see. */
    boolean global(int index);

    /**
     * Where in the code the {@code index}-th thread's next operation is: a number for each instruction (the same
     * in every schedule of one run), or 0 when unknown.
     */
    int site(int index);

    /** The index of thread {@code id} among those that can run, or -1. */
    default int indexOf(int id) {
        for (int index = 0; index < count(); index++) {
            if (thread(index) == id) {
                return index;
            }
        }
        return -1;
    }

    /**
     * Whether two operations, each given by its target, location and kind, conflict: the same place with at least one
     * of them changing it, or either with effects unknown.
     */
    static boolean conflict(Object target, long location, int kind, boolean global, Object otherTarget,
            long otherLocation, int otherKind, boolean otherGlobal) {
        return global || otherGlobal
                || target == otherTarget && location == otherLocation && (kind != READ || otherKind != READ);
    }
}
