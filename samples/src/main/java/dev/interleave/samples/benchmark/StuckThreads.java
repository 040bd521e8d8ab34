package dev.interleave.samples.benchmark;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.interleave.ConcurrencyFailure;

/**
 * Tells what the threads of a run that does not end are doing: in a deadlock the JVM can see, blocked or waiting
 * for good (a deadlock it cannot see: on {@code wait}, or on a read-write lock's shared side, which has no owner),
 * or running without end (a hang).
 */
final class StuckThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Looks at the thread states of a run past its bound, and how far apart. */
    private static final int LOOKS = 3;
    private static final long LOOK_APART_MILLIS = 20;
    /** Frames of each thread to find where in the sample it is (below the JDK's own frames of a park or a read). */
    private static final int FRAMES = 64;

    private StuckThreads() {
    }

    /**
     * A deadlock the JVM sees among {@code threads}: a cycle of threads each blocked on a monitor or an ownable
     * synchronizer (a {@code ReentrantLock}, a write lock) that the next one holds.
     */
    static Optional<StressFailure> deadlock(RunThreads run, List<Thread> threads) {
        long[] deadlocked = THREADS.findDeadlockedThreads();
        if (deadlocked == null) {
            return Optional.empty();
        }
        // Only this run's: threads of runs given up earlier stay deadlocked for good.
        Set<Long> ids = Arrays.stream(deadlocked).boxed().collect(Collectors.toSet());
        long[] ours = threads.stream().mapToLong(Thread::getId).filter(ids::contains).toArray();
        if (ours.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new StressFailure(run.run(), ConcurrencyFailure.Kind.DEADLOCK,
                "the JVM finds a deadlock: " + describe(run, threads, THREADS.getThreadInfo(ours, true, true))));
    }

    /**
     * Classifies a run still going at its bound: {@code HANG} when one of its threads was {@code RUNNABLE} at every
     * look (spinning, as far as anyone can tell), {@code DEADLOCK} when each was blocked or waiting at some look.
     * Several looks, because a thread that waits in a loop of timed waits (the JDK's pipes wait a second at a time)
     * is runnable for a moment now and then.
     */
    static StressFailure classify(RunThreads run, List<Thread> threads) throws InterruptedException {
        long[] ids = threads.stream().mapToLong(Thread::getId).toArray();
        Map<Long, Integer> runnableLooks = new HashMap<>();
        ThreadInfo[] last = new ThreadInfo[0];
        for (int look = 0; look < LOOKS; look++) {
            if (look > 0) {
                Thread.sleep(LOOK_APART_MILLIS);
            }
            last = THREADS.getThreadInfo(ids, FRAMES);
            for (ThreadInfo info : last) {
                if (info != null && info.getThreadState() == Thread.State.RUNNABLE) {
                    runnableLooks.merge(info.getThreadId(), 1, Integer::sum);
                }
            }
        }
        boolean spinning = runnableLooks.values().stream().anyMatch(looks -> looks == LOOKS);
        ConcurrencyFailure.Kind kind = spinning ? ConcurrencyFailure.Kind.HANG : ConcurrencyFailure.Kind.DEADLOCK;
        return new StressFailure(run.run(), kind, (spinning ? "a thread keeps running" : "no thread can go on")
                + " past the run's bound: " + describe(run, threads, last));
    }

    private static String describe(RunThreads run, List<Thread> threads, ThreadInfo[] infos) {
        Map<Integer, Thread> byIdentity = new HashMap<>();
        threads.forEach(thread -> byIdentity.put(System.identityHashCode(thread), thread));
        return Arrays.stream(infos).filter(Objects::nonNull)
                // The test method's thread mostly waits to join the others: what they wait for comes first.
                .sorted(Comparator.comparing(info -> info.getThreadName().equals(run.testThreadName())))
                .map(info -> describe(run, byIdentity, info))
                .collect(Collectors.joining("; "));
    }

    private static String describe(RunThreads run, Map<Integer, Thread> byIdentity, ThreadInfo info) {
        StringBuilder text = new StringBuilder(run.describe(info.getThreadName())).append(' ')
                .append(info.getThreadState());
        LockInfo lock = info.getLockInfo();
        if (lock != null) {
            // join() waits on the thread object: name the thread rather than print Thread@1b6d3586.
            Thread joined = byIdentity.get(lock.getIdentityHashCode());
            if (joined != null && joined.getClass().getName().equals(lock.getClassName())) {
                text.append(" joining ").append(run.describe(joined));
            } else {
                text.append(" on ").append(info.getLockName());
            }
        }
        if (info.getLockOwnerName() != null) {
            text.append(" held by ").append(run.describe(info.getLockOwnerName()));
        }
        return text.append(RunThreads.where(info.getStackTrace())).toString();
    }
}
