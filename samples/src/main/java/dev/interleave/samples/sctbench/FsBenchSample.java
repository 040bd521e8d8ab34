package dev.interleave.samples.sctbench;

import java.util.ArrayList;
import java.util.List;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code fsbench}: each thread allocates a block for "its" inode, taking the inode's lock and then block
 * locks while it searches for a free block. There are 26 inode locks but 32 inodes, and the buggy program starts 27
 * threads, so the last one asks for inode lock 26 and runs off the end of the lock array: a failure in every
 * schedule, whatever the order of the threads. The fixed program starts one thread per lock.
 */
public class FsBenchSample {

    private static final int BLOCKS = 26;
    private static final int INODES = 32;

    private final Object[] inodeLocks = new Object[BLOCKS];
    private final Object[] blockLocks = new Object[BLOCKS];
    private final boolean[] busy = new boolean[BLOCKS];
    private final int[] inode = new int[INODES];

    public FsBenchSample() {
        for (int i = 0; i < BLOCKS; i++) {
            inodeLocks[i] = new Object();
            blockLocks[i] = new Object();
        }
    }

    private void allocate(int thread) {
        int i = thread % INODES;
        synchronized (inodeLocks[i]) {
            if (inode[i] != 0) {
                return;
            }
            int block = (i * 2) % BLOCKS;
            for (int tries = 0; tries < BLOCKS / 2; tries++) {
                synchronized (blockLocks[block]) {
                    if (!busy[block]) {
                        busy[block] = true;
                        inode[i] = block + 1;
                        return;
                    }
                }
                block = (block + 1) % BLOCKS;
            }
        }
    }

    private void run(int threads) throws InterruptedException {
        List<Runnable> bodies = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            bodies.add(() -> allocate(thread));
        }
        Threads.runAll(bodies);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void oneThreadMoreThanInodeLocks() throws InterruptedException {
        run(BLOCKS + 1);
    }

    @ConcurrencyTest
    void oneThreadPerInodeLock() throws InterruptedException {
        run(BLOCKS);
    }
}
