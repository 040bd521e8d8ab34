package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * The CHESS work-stealing queue test that SCTBench includes: an owner pushes tasks at the tail of a deque and pops
 * them back from there without a lock, while thieves steal from the head under the deque's lock; at the end every
 * task must have run exactly once. The lock-free pop is safe only if the owner first claims the last slot (lowers
 * the tail) and then looks at the head, backing off to the lock when they meet. The buggy owner looks at the head
 * first and claims afterwards, so a thief that steals the last task in between leaves the owner running it a second
 * time.
 */
public class WorkStealQueueSample {

    private static final int TASKS = 4;
    private static final int STEAL_ATTEMPTS = 2;

    /** A unit of work that records how often it ran. */
    static final class Task {
        private int runs;

        void run() {
            runs++;
        }
    }

    /** The deque. Only the owner pushes and pops; anyone may steal. */
    static final class WorkStealingDeque {
        private final Task[] slots = new Task[TASKS];
        private final ReentrantLock lock = new ReentrantLock();
        private final boolean claimFirst;
        private volatile int head;
        private volatile int tail;

        WorkStealingDeque(boolean claimFirst) {
            this.claimFirst = claimFirst;
        }

        void push(Task task) {
            slots[tail] = task;
            tail = tail + 1;
        }

        Task pop() {
            return claimFirst ? claimThenLook() : lookThenClaim();
        }

        private Task lookThenClaim() {
            int last = tail - 1;
            if (head <= last) {
                tail = last;
                return slots[last];
            }
            return null;
        }

        private Task claimThenLook() {
            int last = tail - 1;
            tail = last;
            if (head <= last) {
                return slots[last];
            }
            tail = last + 1; // a thief may be after the same task: settle it under the lock
            lock.lock();
            try {
                last = tail - 1;
                tail = last;
                if (head <= last) {
                    return slots[last];
                }
                tail = last + 1;
                return null;
            } finally {
                lock.unlock();
            }
        }

        Task steal() {
            lock.lock();
            try {
                int first = head;
                head = first + 1;
                if (first < tail) {
                    return slots[first];
                }
                head = first;
                return null;
            } finally {
                lock.unlock();
            }
        }
    }

    private static void runIfAny(Task task) {
        if (task != null) {
            task.run();
        }
    }

    private void ownerAndThieves(boolean claimFirst, int thieves) throws InterruptedException {
        WorkStealingDeque deque = new WorkStealingDeque(claimFirst);
        List<Task> tasks = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            tasks.add(new Task());
        }
        List<Thread> stealers = new ArrayList<>(thieves);
        for (int i = 0; i < thieves; i++) {
            Thread thief = new Thread(() -> {
                for (int attempt = 0; attempt < STEAL_ATTEMPTS; attempt++) {
                    runIfAny(deque.steal());
                }
            });
            stealers.add(thief);
            thief.start();
        }
        for (int i = 0; i < TASKS / 2; i++) {
            deque.push(tasks.get(2 * i));
            deque.push(tasks.get(2 * i + 1));
            runIfAny(deque.pop());
        }
        for (int i = 0; i < TASKS / 2; i++) {
            runIfAny(deque.pop());
        }
        for (Thread thief : stealers) {
            thief.join();
        }
        for (int i = 0; i < TASKS; i++) {
            assertEquals(1, tasks.get(i).runs, "runs of task " + i);
        }
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void ownerLooksBeforeItClaims() throws InterruptedException {
        ownerAndThieves(false, 1);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void ownerLooksBeforeItClaimsTwoThieves() throws InterruptedException {
        ownerAndThieves(false, 2);
    }

    @ConcurrencyTest
    void ownerClaimsBeforeItLooks() throws InterruptedException {
        ownerAndThieves(true, 1);
    }

    @ConcurrencyTest
    void ownerClaimsBeforeItLooksTwoThieves() throws InterruptedException {
        ownerAndThieves(true, 2);
    }
}
