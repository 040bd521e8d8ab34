package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Seed 000, under-synchronization: the membership check and the insertion are each synchronized, but not together,
 * so another thread can insert between them and the set ends up holding an element twice.
 */
public class CheckThenActSample {

    /** A set backed by a list, whose operations are each synchronized. */
    static final class ListSet {
        private final List<String> items = new ArrayList<>();
        private int size;

        synchronized boolean contains(String item) {
            return items.contains(item);
        }

        synchronized void add(String item) {
            items.add(item);
            size++;
        }

        /** Check and insert in one critical section. */
        synchronized void addIfAbsent(String item) {
            if (!items.contains(item)) {
                items.add(item);
                size++;
            }
        }

        synchronized int size() {
            return size;
        }
    }

    private final ListSet set = new ListSet();

    private void addTwiceChecked(String item) {
        if (!set.contains(item)) {
            set.add(item);
        }
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void checkThenAct() throws InterruptedException {
        Thread other = new Thread(() -> addTwiceChecked("x"));
        other.start();
        addTwiceChecked("x");
        other.join();
        assertEquals(1, set.size(), "elements in the set");
    }

    @ConcurrencyTest
    void atomicCheckThenAct() throws InterruptedException {
        Thread other = new Thread(() -> set.addIfAbsent("x"));
        other.start();
        set.addIfAbsent("x");
        other.join();
        assertEquals(1, set.size(), "elements in the set");
    }
}
