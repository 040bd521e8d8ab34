package dev.interleave.scheduler;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the JDK's delay scheduler does for {@code orTimeout} and {@code completeOnTimeout}, on a thread of the
 * schedule's: when the future is not done within the timeout, complete it with a {@code TimeoutException} or with
 * the value given. The wait is a timed wait on the future, so it ends as soon as the future completes, as the JDK
 * cancels its timer then, and times out on the schedule's clock.
 */
final class TimeoutWatch implements Runnable {

    private final CompletableFuture<?> future;
    private final long timeoutNanos;
    private final boolean complete;
    private final Object value;

    TimeoutWatch(CompletableFuture<?> future, long timeoutNanos, boolean complete, Object value) {
        this.future = future;
        this.timeoutNanos = timeoutNanos;
        this.complete = complete;
        this.value = value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        try {
            future.get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            if (complete) {
                ((CompletableFuture<Object>) future).complete(value);
            } else {
                future.completeExceptionally(new TimeoutException());
            }
        } catch (ExecutionException | CancellationException done) {
            // completed in time, if not with a value
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt(); // the JDK's delay scheduler drops its timers when it is stopped
        }
    }
}
