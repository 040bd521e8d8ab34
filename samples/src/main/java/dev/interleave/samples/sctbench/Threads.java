package dev.interleave.samples.sctbench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmarks' {@code main} functions do: create every thread, in order, then join them all. The test
 * thread takes part in the schedule like the C program's main thread, so where it is while the others run is
 * explored too.
 */
final class Threads {

    private Threads() {
    }

    /** Starts one thread per body, in the order given, then waits for every one of them. */
    static void runAll(List<Runnable> bodies) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(bodies.size());
        for (Runnable body : bodies) {
            Thread thread = new Thread(body);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Starts one thread per body, in the order given, then waits for every one of them. */
    static void runAll(Runnable... bodies) throws InterruptedException {
        runAll(List.of(bodies));
    }

    /** {@code count} copies of one body, for the benchmarks that start a pool of identical threads. */
    static List<Runnable> copies(int count, Runnable body) {
        List<Runnable> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(body);
        }
        return bodies;
    }

    /** The bodies of several pools, one after the other, in the order their threads are to be started. */
    @SafeVarargs
    static List<Runnable> concat(List<Runnable>... pools) {
        List<Runnable> all = new ArrayList<>();
        for (List<Runnable> pool : pools) {
            all.addAll(pool);
        }
        return all;
    }

    /** Waits on {@code monitor}, which the caller holds, turning an interrupt into an error of the test. */
    static void await(Object monitor) {
        try {
            monitor.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
