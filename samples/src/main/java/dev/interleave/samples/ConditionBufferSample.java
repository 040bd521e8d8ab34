package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * A producer/consumer buffer on a {@code ReentrantLock} and its {@code Condition}s. The buggy buffer checks its
 * condition with {@code if}: a consumer that wakes after another consumer took the item goes on to take from an
 * empty queue. With {@code while}, it waits again.
 */
public class ConditionBufferSample {

    /** A buffer of one slot. */
    static final class Buffer {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notEmpty = lock.newCondition();
        private final Condition notFull = lock.newCondition();
        private final Queue<Integer> items = new ArrayDeque<>();
        private final boolean recheck;

        Buffer(boolean recheck) {
            this.recheck = recheck;
        }

        void put(int item) throws InterruptedException {
            lock.lock();
            try {
                while (!items.isEmpty()) {
                    notFull.await();
                }
                items.add(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }

        int take() throws InterruptedException {
            lock.lock();
            try {
                if (recheck) {
                    while (items.isEmpty()) {
                        notEmpty.await();
                    }
                } else if (items.isEmpty()) {
                    notEmpty.await();
                }
                int item = items.remove();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    private static void oneProducerTwoConsumers(Buffer buffer) throws InterruptedException {
        List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
        Runnable consumer = () -> {
            try {
                taken.add(buffer.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread first = new Thread(consumer, "consumer-1");
        Thread second = new Thread(consumer, "consumer-2");
        first.start();
        second.start();
        buffer.put(1);
        buffer.put(2);
        first.join();
        second.join();
        assertEquals(2, taken.size());
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void consumerChecksOnce() throws InterruptedException {
        oneProducerTwoConsumers(new Buffer(false));
    }

    @ConcurrencyTest
    void consumerChecksInALoop() throws InterruptedException {
        oneProducerTwoConsumers(new Buffer(true));
    }
}
