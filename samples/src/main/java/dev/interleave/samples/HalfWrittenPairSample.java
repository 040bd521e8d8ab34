package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * A pair of fields that must change together (a range's low and high end). The writer updates both under a lock;
 * a reader that does not take the lock can see one written and the other not.
 */
public class HalfWrittenPairSample {

    private final Object lock = new Object();
    private int low;
    private int high;
    private int widthSeen;

    private void widen() {
        synchronized (lock) {
            low = low - 5;
            high = high + 5;
        }
    }

    private void readUnlocked() {
        widthSeen = high - low;
    }

    private void readLocked() {
        synchronized (lock) {
            widthSeen = high - low;
        }
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void readerSkipsTheLock() throws InterruptedException {
        Thread writer = new Thread(this::widen);
        writer.start();
        readUnlocked();
        writer.join();
        assertEquals(0, widthSeen % 10, "a reader sees both ends moved or neither");
    }

    @ConcurrencyTest
    void readerTakesTheLock() throws InterruptedException {
        Thread writer = new Thread(this::widen);
        writer.start();
        readLocked();
        writer.join();
        assertEquals(0, widthSeen % 10, "a reader sees both ends moved or neither");
    }
}
