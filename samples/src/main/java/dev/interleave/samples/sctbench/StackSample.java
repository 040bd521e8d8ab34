package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code stack}: a pusher and a popper share an array stack under one lock. The pusher raises a flag
 * after its first push, and the popper takes the flag to mean "there is something to pop" for good; but the flag
 * is never lowered, so once the popper has caught up with the pusher its next pop underflows. Every access is
 * locked: the bug is the stale condition, and it needs the popper to run twice in a row after a push. The fix pops
 * only when the stack is not empty.
 */
public class StackSample {

    private static final int SIZE = 10;
    private static final int OVERFLOW = -1;
    private static final int UNDERFLOW = -2;

    private final ReentrantLock lock = new ReentrantLock();
    private final int[] elements = new int[SIZE];
    private int top;
    private boolean pushedOnce;

    private int push(int element) {
        if (top == SIZE) {
            return OVERFLOW;
        }
        elements[top] = element;
        top++;
        return 0;
    }

    private int pop() {
        if (top == 0) {
            return UNDERFLOW;
        }
        top--;
        return elements[top];
    }

    private void pusher() {
        for (int i = 0; i < SIZE; i++) {
            lock.lock();
            try {
                assertNotEquals(OVERFLOW, push(i), "push " + i);
                pushedOnce = true;
            } finally {
                lock.unlock();
            }
        }
    }

    private void popper(boolean checkTop) {
        for (int i = 0; i < SIZE; i++) {
            lock.lock();
            try {
                if (checkTop ? top > 0 : pushedOnce) {
                    assertNotEquals(UNDERFLOW, pop(), "pop " + i);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void popsWheneverSomethingWasPushedOnce() throws InterruptedException {
        Threads.runAll(this::pusher, () -> popper(false));
    }

    @ConcurrencyTest
    void popsOnlyWhenNotEmpty() throws InterruptedException {
        Threads.runAll(this::pusher, () -> popper(true));
    }
}
