package dev.interleave.samples.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;

/**
 * One run of a sample as a plain program: a fresh instance, the method called on a fresh platform thread, and a
 * wait, never longer than the run's bound, until every thread the run started has ended. Nothing of Interleave is
 * involved; in a JVM without its agent this is exactly what a stress test does.
 */
final class RealRun {

    /** How often a run that has not ended is checked for a deadlock the JVM can see, so it is not waited out. */
    private static final long LOOK_EVERY_MILLIS = 50;

    private final SampleMethod sample;
    private final Duration bound;

    RealRun(SampleMethod sample, Duration bound) {
        this.sample = sample;
        this.bound = bound;
    }

    /**
     * Runs the sample once, as run number {@code number}.
     *
     * @return empty when the run passed; else how it failed. An exception that escaped any of the run's threads
     *     comes first: the threads it leaves waiting are its consequence. A run given up as stuck keeps its
     *     threads, blocked or spinning for good; they hold nothing but that run's objects.
     */
    Optional<StressFailure> run(long number) throws InterruptedException {
        RunThreads threads = new RunThreads(number);
        Object instance = sample.newInstance();
        Thread test = new Thread(threads, () -> call(instance, threads), threads.testThreadName());
        long deadline = System.nanoTime() + bound.toNanos();
        test.start();
        for (Thread waitingFor = test; waitingFor != null; waitingFor = first(threads.alive())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                Optional<StressFailure> exception = exception(threads);
                List<Thread> stuck = threads.alive();
                if (exception.isPresent() || stuck.isEmpty()) {
                    return exception;
                }
                return Optional.of(StuckThreads.classify(threads, stuck));
            }
            waitingFor.join(Math.max(1, Math.min(LOOK_EVERY_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
            if (waitingFor.isAlive()) {
                Optional<StressFailure> deadlock = StuckThreads.deadlock(threads, threads.alive());
                if (deadlock.isPresent()) {
                    return exception(threads).or(() -> deadlock);
                }
            }
        }
        return exception(threads);
    }

    private void call(Object instance, RunThreads threads) {
        try {
            sample.invokeOn(instance);
        } catch (Throwable e) {
            threads.record(Thread.currentThread(), e);
        }
    }

    private static Optional<StressFailure> exception(RunThreads threads) {
        return threads.firstException()
                .map(detail -> new StressFailure(threads.run(), ConcurrencyFailure.Kind.EXCEPTION, detail));
    }

    private static Thread first(List<Thread> threads) {
        return threads.isEmpty() ? null : threads.get(0);
    }
}
