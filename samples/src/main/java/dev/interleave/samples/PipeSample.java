package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Seed 000, the duplex pipe: two threads each receive before they send. Neither has sent anything, so both wait
 * forever for the other: a deadlock that plain runs meet every time, and that Interleave reports with who waits
 * for what instead of hanging.
 */
public class PipeSample {

    /** One direction of a pipe: {@code recv} blocks until an item is there. */
    static final class Channel {
        private Integer item;

        synchronized void send(int value) {
            item = value;
            notifyAll();
        }

        synchronized int recv() throws InterruptedException {
            while (item == null) {
                wait();
            }
            int value = item;
            item = null;
            return value;
        }
    }

    private final Channel toOther = new Channel();
    private final Channel toMain = new Channel();
    private int received;

    private void receiveThenSend(Channel in, Channel out) throws InterruptedException {
        int value = in.recv();
        out.send(value + 1);
    }

    /** The other end of the pipe: receives, then answers. */
    private Thread otherSide() {
        return new Thread(() -> {
            try {
                receiveThenSend(toOther, toMain);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest
    void bothSidesReceiveFirst() throws InterruptedException {
        Thread other = otherSide();
        other.start();
        receiveThenSend(toMain, toOther);
        other.join();
    }

    @ConcurrencyTest
    void oneSideSendsFirst() throws InterruptedException {
        Thread other = otherSide();
        other.start();
        toOther.send(1);
        received = toMain.recv();
        other.join();
        assertEquals(2, received);
    }
}
