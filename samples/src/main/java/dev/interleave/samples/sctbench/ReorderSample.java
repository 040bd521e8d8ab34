package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.fail;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code reorder_N}: N - 1 setter threads each write {@code a = 1}, then {@code b = -1}, without a lock;
 * one checker, started after all of them, insists that it sees neither write or both. It fails only when the
 * checker reads between one setter's two writes before any setter has finished both, so the more setters the test
 * thread starts ahead of the checker, the less likely a random walk still finds that window open: the large sizes
 * need a strategy that can hold threads back.
 */
public class ReorderSample {

    private int a;
    private int b;
    private final Object lock = new Object();

    private void set() {
        a = 1;
        b = -1;
    }

    private void check() {
        // the original's condition, read in the original's order: each comparison reads the field afresh
        if (!((a == 0 && b == 0) || (a == 1 && b == -1))) {
            fail("the checker saw one write of a setter without the other");
        }
    }

    private void reorder(int threads, Runnable set, Runnable check) throws InterruptedException {
        Threads.runAll(Threads.concat(Threads.copies(threads - 1, set), Threads.copies(1, check)));
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void reorder3() throws InterruptedException {
        reorder(3, this::set, this::check);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void reorder4() throws InterruptedException {
        reorder(4, this::set, this::check);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void reorder5() throws InterruptedException {
        reorder(5, this::set, this::check);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void reorder10() throws InterruptedException {
        reorder(10, this::set, this::check);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void reorder20() throws InterruptedException {
        reorder(20, this::set, this::check);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void reorder50() throws InterruptedException {
        reorder(50, this::set, this::check);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void reorder100() throws InterruptedException {
        reorder(100, this::set, this::check);
    }

    /** Both writes, and both reads, under one lock: the checker can no longer see half an update. */
    @ConcurrencyTest
    void setAndCheckUnderOneLock() throws InterruptedException {
        reorder(10, () -> {
            synchronized (lock) {
                set();
            }
        }, () -> {
            synchronized (lock) {
                check();
            }
        });
    }
}
