package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code bluetooth_driver}, after the Windows driver bug that KISS made famous: work on the device counts
 * itself in a pending-I/O counter, and a stop request sets a stopping flag, drops the driver's own reference and
 * frees the device once the count reaches zero. The worker checks the flag and then increments the counter, each
 * step atomic but not the pair: a stop that slips in between sees the count reach zero and frees the device, and the
 * worker goes on to use it. The fix makes the check and the increment one atomic step.
 */
public class BluetoothDriverSample {

    private final Object device = new Object();
    private int pendingIo = 1; // the driver's own reference, dropped by the stop request
    private boolean stopping;
    private boolean lastIoDone;
    private boolean stopped;

    private boolean enterRacily() {
        if (stopping) {
            return false;
        }
        synchronized (device) {
            pendingIo++;
        }
        return true;
    }

    private boolean enterAtomically() {
        synchronized (device) {
            if (stopping) {
                return false;
            }
            pendingIo++;
            return true;
        }
    }

    private void leave() {
        int left;
        synchronized (device) {
            pendingIo--;
            left = pendingIo;
        }
        if (left == 0) {
            lastIoDone = true;
        }
    }

    private void work(boolean atomicEnter) {
        if (atomicEnter ? enterAtomically() : enterRacily()) {
            assertFalse(stopped, "the device was stopped and freed while a request was using it");
        }
        leave();
    }

    private void stop() {
        synchronized (device) {
            stopping = true;
        }
        leave();
        if (lastIoDone) {
            stopped = true;
        }
    }

    private void run(boolean atomicEnter) throws InterruptedException {
        Thread stopper = new Thread(this::stop);
        stopper.start();
        work(atomicEnter);
        stopper.join();
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void stopBetweenCheckAndIncrement() throws InterruptedException {
        run(false);
    }

    @ConcurrencyTest
    void checkAndIncrementAtomically() throws InterruptedException {
        run(true);
    }
}
