package dev.interleave.scheduler;

import java.time.Duration;
import java.util.concurrent.Executor;

import dev.interleave.bridge.Bridge;
import dev.interleave.bridge.Sites;

/**
 * What the JDK's delay scheduler does for {@code CompletableFuture.delayedExecutor(delay, unit, executor)}, on a
 * thread of the schedule's: wait out the delay, then hand the task to the executor.
 */
final class DelayedHandOff implements Runnable {

    private final long delayNanos;
    private final Executor executor;
    private final Runnable task;

    DelayedHandOff(long delayNanos, Executor executor, Runnable task) {
        this.delayNanos = delayNanos;
        this.executor = executor;
        this.task = task;
    }

    @Override
    public void run() {
        try {
            // through the bridge: the framework's own code is not rewritten, and the wait is on the schedule's clock
            Bridge.sleep(Duration.ofNanos(Math.max(0, delayNanos)), Sites.UNKNOWN);
        } catch (InterruptedException e) {
            return; // the JDK's delay scheduler drops its tasks when it is stopped
        }
        try {
            executor.execute(task);
        } catch (RuntimeException rejected) {
            // the JDK's delay scheduler keeps a rejection in a future nobody reads: the stage never completes
        }
    }
}
