package dev.interleave.scheduler;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.interleave.instrumentation.CodeOrigin;

/**
 * Who called {@code Thread.start()}: application code (directly, or through a {@code Thread.Builder}), or JDK code
 * such as a thread pool or the JDK's own housekeeping threads. Only the first kind of thread is the test's to
 * manage.
 */
final class Starters {

    private static final StackWalker WALKER = StackWalker.getInstance();

    /** The JDK classes whose {@code Thread.start()} calls start a thread that runs the test's tasks and ends. */
    private static final Set<String> MANAGED_STARTERS = Set.of("java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor");

    private Starters() {
    }

    /**
     * The JDK classes between {@code Thread.start} and the nearest application code, outermost last: empty when
     * application code started the thread itself.
     */
    static List<String> jdkStarters() {
        return WALKER.walk(frames -> frames
                .dropWhile(frame -> CodeOrigin.isHookFrame(frame.getClassName()))
                .dropWhile(Starters::isStartOrBuilder)
                .map(StackWalker.StackFrame::getClassName)
                .takeWhile(CodeOrigin::isJdk)
                .collect(Collectors.toList()));
    }

    /** A thread pool, executor or timer: JDK code that runs the test's tasks on threads of its own. */
    static Optional<String> taskRunner(List<String> starters) {
        return starters.stream().filter(name -> name.startsWith("java.util.")).findFirst();
    }

    /**
     * A thread that JDK code starts to run a task the test's code handed over, and that is managed like a thread the
     * test started: a worker that a {@code ThreadPoolExecutor} (or a subclass, such as the scheduled one) starts, which
     * runs the test's tasks and blocks only through {@code LockSupport}, or the thread of its own that
     * {@code CompletableFuture}'s default executor starts for one task where the common pool has no parallelism.
     * <p>
     * What counts is who asked: the frames between {@code Thread.start} and application code must all be
     * {@code java.util.concurrent}'s, or, when the thread that asks is itself a pool's worker (a stage of a
     * {@code CompletableFuture} chain completing on it hands the next stage to the pool, which starts its next
     * worker), end in that worker's own {@code Thread.run}. A pool the JDK keeps for itself and feeds from elsewhere
     * (a process reaper) is not the test's.
     */
    static boolean isPoolWorker(List<String> starters) {
        Optional<String> innermost = starters.stream().filter(name -> !name.startsWith("jdk.internal.vm."))
                .findFirst();
        if (innermost.isEmpty() || !MANAGED_STARTERS.contains(innermost.get())) {
            return false;
        }
        // JDK 21+ starts a pool's threads through the pool's thread container (jdk.internal.vm)
        int concurrent = 0;
        while (concurrent < starters.size() && (starters.get(concurrent).startsWith("java.util.concurrent.")
                || starters.get(concurrent).startsWith("jdk.internal.vm."))) {
            concurrent++;
        }
        return concurrent == starters.size() || starters.get(concurrent).equals("java.lang.Thread");
    }

    /** {@code Thread.start()} itself, and the {@code Thread.Builder}s that application code starts threads with. */
    private static boolean isStartOrBuilder(StackWalker.StackFrame frame) {
        String className = frame.getClassName();
        return ((className.equals("java.lang.Thread") || className.equals("java.lang.VirtualThread")
                || className.startsWith("java.lang.System$")) && frame.getMethodName().equals("start"))
                || className.startsWith("java.lang.ThreadBuilders");
    }
}
