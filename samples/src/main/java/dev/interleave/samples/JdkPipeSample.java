package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * Seed 000's pipe, built on the JDK's {@code PipedInputStream} and {@code PipedOutputStream}: two threads talk over
 * a pipe each way. If both receive before they send, neither ever sends. The JDK's pipes wait in loops of one-second
 * timed waits, which the scheduler models on virtual time, so the deadlock is reported in the first schedule that
 * reaches it, not after minutes of polling.
 */
public class JdkPipeSample {

    private final PipedInputStream toMain = new PipedInputStream();
    private final PipedInputStream toPeer = new PipedInputStream();
    private final PipedOutputStream fromMain;
    private final PipedOutputStream fromPeer;

    public JdkPipeSample() {
        try {
            fromMain = new PipedOutputStream(toPeer);
            fromPeer = new PipedOutputStream(toMain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives a number, answers with the next one. */
    private static int receiveThenSend(PipedInputStream in, PipedOutputStream out) throws IOException {
        int received = in.read();
        out.write(received + 1);
        out.flush();
        return received;
    }

    private static int sendThenReceive(int message, PipedOutputStream out, PipedInputStream in) throws IOException {
        out.write(message);
        out.flush();
        return in.read();
    }

    @BugSample(ConcurrencyFailure.Kind.DEADLOCK)
    @ConcurrencyTest(schedules = 100)
    void bothSidesReceiveFirst() throws Exception {
        Thread peer = new Thread(() -> unchecked(() -> receiveThenSend(toPeer, fromPeer)), "peer");
        peer.start();
        receiveThenSend(toMain, fromMain);
        peer.join();
    }

    @ConcurrencyTest(schedules = 300)
    void oneSideSendsFirst() throws Exception {
        Thread peer = new Thread(() -> unchecked(() -> receiveThenSend(toPeer, fromPeer)), "peer");
        peer.start();
        assertEquals(8, sendThenReceive(7, fromMain, toMain));
        peer.join();
    }

    private interface Io {
        int run() throws IOException;
    }

    private static void unchecked(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
