package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code din_philN_sat} and {@code _unsat}, N = 2 to 7, with the classic deadlock beside them. In the
 * originals every philosopher picks up both forks in one atomic step, so they cannot deadlock; the "sat" programs
 * then count the meals in an unlocked counter and assert that not all N philosophers have eaten. That claim is false
 * whenever the counter loses no update, which is nearly every schedule; the "unsat" programs make no claim and must
 * pass. Here a waiter's lock makes the pick-up atomic. The deadlocking variant lets each philosopher take the fork
 * on the left, then the one on the right: it hangs only when all N hold their left fork at once, which gets rarer
 * as N grows. Taking the lower-numbered fork first breaks the cycle.
 */
public class DiningPhilosophersSample {

    private final Object waiter = new Object();
    private int meals;

    private static List<ReentrantLock> forks(int n) {
        List<ReentrantLock> forks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            forks.add(new ReentrantLock());
        }
        return forks;
    }

    private static void eat(ReentrantLock first, ReentrantLock second) {
        first.lock();
        try {
            second.lock();
            second.unlock();
        } finally {
            first.unlock();
        }
    }

    private void eatServedByTheWaiter(ReentrantLock left, ReentrantLock right, int n, boolean claim) {
        synchronized (waiter) {
            eat(right, left);
        }
        if (claim) {
            meals++;
            if (meals == n) {
                fail("all " + n + " philosophers have eaten");
            }
        }
    }

    private void servedByTheWaiter(int n, boolean claim) throws InterruptedException {
        List<ReentrantLock> forks = forks(n);
        List<Runnable> philosophers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ReentrantLock left = forks.get(i);
            ReentrantLock right = forks.get((i + 1) % n);
            philosophers.add(() -> eatServedByTheWaiter(left, right, n, claim));
        }
        Threads.runAll(philosophers);
    }

    private static void unserved(int n, boolean lowerFirst) throws InterruptedException {
        List<ReentrantLock> forks = forks(n);
        List<Runnable> philosophers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int left = i;
            int right = (i + 1) % n;
            int first = lowerFirst ? Math.min(left, right) : left;
            int second = lowerFirst ? Math.max(left, right) : right;
            philosophers.add(() -> eat(forks.get(first), forks.get(second)));
        }
        Threads.runAll(philosophers);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void allAte2() throws InterruptedException {
        servedByTheWaiter(2, true);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void allAte3() throws InterruptedException {
        servedByTheWaiter(3, true);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void allAte5() throws InterruptedException {
        servedByTheWaiter(5, true);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void allAte7() throws InterruptedException {
        servedByTheWaiter(7, true);
    }

    @ConcurrencyTest
    void servedByTheWaiter3() throws InterruptedException {
        servedByTheWaiter(3, false);
    }

    @ConcurrencyTest
    void servedByTheWaiter7() throws InterruptedException {
        servedByTheWaiter(7, false);
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void leftForkFirst2() throws InterruptedException {
        unserved(2, false);
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void leftForkFirst3() throws InterruptedException {
        unserved(3, false);
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void leftForkFirst5() throws InterruptedException {
        unserved(5, false);
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void leftForkFirst7() throws InterruptedException {
        unserved(7, false);
    }

    @ConcurrencyTest
    void lowerForkFirst7() throws InterruptedException {
        unserved(7, true);
    }
}
