package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code queue_ok}: a producer fills an array queue with a batch and records every value it sent; a
 * consumer, once a flag says the batch is there, drains the queue and compares each element with the record. The
 * batch, the record and the flag change under one lock, so every schedule passes. The buggy twin is ours: the
 * producer fills in its record only after releasing the lock, so a consumer that runs in between compares the
 * elements with a record that is still empty.
 */
public class QueueSample {

    private static final int SIZE = 10;

    private final ReentrantLock lock = new ReentrantLock();
    private final int[] elements = new int[SIZE + 1];
    private final int[] sentValues = new int[SIZE];
    private int head;
    private int tail;
    private boolean producerTurn = true;
    private boolean consumerTurn;

    private boolean isEmpty() {
        return head == tail;
    }

    private void enqueue(int value) {
        elements[tail] = value;
        tail = tail == SIZE ? 1 : tail + 1;
    }

    private int dequeue() {
        int value = elements[head];
        head = head == SIZE ? 1 : head + 1;
        return value;
    }

    private void producer(boolean recordUnderTheLock) {
        lock.lock();
        try {
            if (!producerTurn) {
                return;
            }
            for (int i = 0; i < SIZE; i++) {
                enqueue(i + 1);
                if (recordUnderTheLock) {
                    sentValues[i] = i + 1;
                }
            }
            producerTurn = false;
            consumerTurn = true;
        } finally {
            lock.unlock();
        }
        if (!recordUnderTheLock) {
            for (int i = 0; i < SIZE; i++) {
                sentValues[i] = i + 1;
            }
        }
    }

    private void consumer() {
        lock.lock();
        try {
            if (!consumerTurn) {
                return;
            }
            for (int i = 0; i < SIZE; i++) {
                if (!isEmpty()) {
                    assertEquals(sentValues[i], dequeue(), "element " + i);
                }
            }
            consumerTurn = false;
            producerTurn = true;
        } finally {
            lock.unlock();
        }
    }

    @ConcurrencyTest
    void batchAndRecordUnderOneLock() throws InterruptedException {
        Threads.runAll(() -> producer(true), this::consumer);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void recordWrittenAfterTheBatchIsOut() throws InterruptedException {
        Threads.runAll(() -> producer(false), this::consumer);
    }
}
