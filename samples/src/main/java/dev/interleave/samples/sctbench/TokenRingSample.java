package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code token_ring}: three stations each copy a token from the one before (the first adds one to the
 * last station's value), each copy atomic; a fourth thread checks, once all three have moved, that they agree. The
 * copies are meant to run in ring order, but nothing orders them: whenever the second or third station copies
 * before its predecessor did, the ring ends up holding two different tokens. The fix hands the token on: each
 * station waits until its predecessor has moved.
 */
public class TokenRingSample {

    private final Object ring = new Object();
    private int x1 = 1;
    private int x2 = 2;
    private int x3 = 1;
    private boolean moved1;
    private boolean moved2;
    private boolean moved3;

    private void station1() {
        synchronized (ring) {
            x1 = (x3 + 1) % 4;
            moved1 = true;
            ring.notifyAll();
        }
    }

    private void station2(boolean waitForPredecessor) {
        synchronized (ring) {
            while (waitForPredecessor && !moved1) {
                Threads.await(ring);
            }
            x2 = x1;
            moved2 = true;
            ring.notifyAll();
        }
    }

    private void station3(boolean waitForPredecessor) {
        synchronized (ring) {
            while (waitForPredecessor && !moved2) {
                Threads.await(ring);
            }
            x3 = x2;
            moved3 = true;
            ring.notifyAll();
        }
    }

    private void check() {
        synchronized (ring) {
            if (moved1 && moved2 && moved3) {
                assertTrue(x1 == x2 && x2 == x3, "the ring holds " + x1 + ", " + x2 + ", " + x3);
            }
        }
    }

    private void ring(boolean inOrder) throws InterruptedException {
        Threads.runAll(this::station1, () -> station2(inOrder), () -> station3(inOrder), this::check);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void tokenRing() throws InterruptedException {
        ring(false);
    }

    @ConcurrencyTest
    void tokenPassedInRingOrder() throws InterruptedException {
        ring(true);
    }
}
