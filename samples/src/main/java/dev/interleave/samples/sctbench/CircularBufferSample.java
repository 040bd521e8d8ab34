package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code circular_buffer}: a sender and a receiver take turns on a small log buffer, a pair of flags
 * under one lock saying whose turn it is; each makes seven attempts. The sender logs its attempt number and the
 * receiver expects to read its own attempt number back. That holds only if no attempt is ever wasted: as soon as
 * one thread tries while it is the other's turn, the attempt numbers drift apart and the receiver reads the wrong
 * value. The fix numbers the elements by how many were sent and received, not by attempts.
 */
public class CircularBufferSample {

    private static final int ATTEMPTS = 7;
    private static final int NONE = -1;

    private final ReentrantLock lock = new ReentrantLock();
    private final int[] buffer = new int[10];
    private int first;
    private int next;
    private boolean sendTurn = true;
    private boolean receiveTurn;
    private int sent;
    private int received;

    private void insert(int element) {
        if (next < buffer.length) {
            buffer[next] = element;
            next = (next + 1) % buffer.length;
        }
    }

    private int remove() {
        if (next > 0 && first < buffer.length) {
            first++;
            return buffer[first - 1];
        }
        return NONE;
    }

    private void sender(boolean countElements) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            lock.lock();
            try {
                if (sendTurn) {
                    insert(countElements ? sent++ : attempt);
                    sendTurn = false;
                    receiveTurn = true;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void receiver(boolean countElements) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            lock.lock();
            try {
                if (receiveTurn) {
                    int expected = countElements ? received++ : attempt;
                    assertEquals(expected, remove(), "the element read in attempt " + attempt);
                    receiveTurn = false;
                    sendTurn = true;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void elementsNumberedByAttempt() throws InterruptedException {
        Threads.runAll(() -> sender(false), () -> receiver(false));
    }

    @ConcurrencyTest
    void elementsNumberedByCount() throws InterruptedException {
        Threads.runAll(() -> sender(true), () -> receiver(true));
    }
}
