package dev.interleave.scheduler;

import java.util.List;

import dev.interleave.strategy.Decision;

/**
 * The threads that can run at a scheduling point, as the strategy sees them, and those blocked: filled by the
 * scheduler before each decision, with what each thread's next operation touches, and reused for the next one.
 */
final class Choices implements Decision {

    private final List<ManagedThread> threads;
    /** The ids of the threads that can run, then of the blocked ones. */
    private int[] alive = new int[4];
    private int count;
    private int aliveCount;
    private int at;
    private int running = -1;
    private long step;

    Choices(List<ManagedThread> threads) {
        this.threads = threads;
    }

    /** Gathers the threads that can run, in the order of their ids, then the blocked ones; returns how many can run. */
    int collect(BlockingModel blocking) {
        if (alive.length < threads.size()) {
            alive = new int[threads.size() * 2];
        }
        count = 0;
        int blocked = threads.size();
        for (ManagedThread thread : threads) {
            if (thread.finished) {
                continue;
            }
            if (blocking.isEnabled(thread)) {
                alive[count++] = thread.id;
            } else {
                alive[--blocked] = thread.id;
            }
        }
        // the blocked ones were gathered from the top down: move them right after those that can run
        int blockedCount = threads.size() - blocked;
        System.arraycopy(alive, blocked, alive, count, blockedCount);
        aliveCount = count + blockedCount;
        return count;
    }

    /** Sets who reached the point, whether it can go on, and the step about to be taken. */
    void at(int thread, boolean canGoOn, long step) {
        this.at = thread;
        this.running = canGoOn ? thread : -1;
        this.step = step;
    }

    @Override
    public int at() {
        return at;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int alive() {
        return aliveCount;
    }

    @Override
    public int thread(int index) {
        return alive[index];
    }

    @Override
    public int running() {
        return running;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public boolean yielding() {
        return running >= 0 && (threads.get(running).opFlags & Operations.YIELDS) != 0;
    }

    @Override
    public Object target(int index) {
        return of(index).opTarget;
    }

    @Override
    public long location(int index) {
        return of(index).opLocation;
    }

    @Override
    public int kind(int index) {
        return of(index).opFlags & Operations.KIND;
    }

    @Override
    public boolean global(int index) {
        return (of(index).opFlags & Operations.GLOBAL) != 0;
    }

    @Override
    public int site(int index) {
        return of(index).lastSite;
    }

    private ManagedThread of(int index) {
        return threads.get(alive[index]);
    }
}
