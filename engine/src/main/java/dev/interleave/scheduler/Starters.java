package dev.interleave.scheduler;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.interleave.instrumentation.CodeOrigin;

/**
 * Who called {@code Thread.start()}: application code (directly, or through a {@code Thread.Builder}), or JDK code
 * such as a thread pool or the JDK's own housekeeping threads. Only the first kind of thread is the test's to
 * manage.
 */
final class Starters {

    private static final StackWalker WALKER = StackWalker.getInstance();

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
     * A worker that a {@code ThreadPoolExecutor} (or a subclass, such as the scheduled one) starts for a task the
     * test's code submitted: it runs the test's tasks and blocks only through {@code LockSupport}, so it is managed
     * like a thread the test started. A pool the JDK keeps for itself (a process reaper) is not the test's.
     */
    static boolean isPoolWorker(List<String> starters) {
        // JDK 21+ starts a pool's threads through the pool's thread container (jdk.internal.vm)
        return starters.contains("java.util.concurrent.ThreadPoolExecutor")
                && starters.stream().allMatch(name -> name.startsWith("java.util.concurrent.")
                        || name.startsWith("jdk.internal.vm."));
    }

    /** {@code Thread.start()} itself, and the {@code Thread.Builder}s that application code starts threads with. */
    private static boolean isStartOrBuilder(StackWalker.StackFrame frame) {
        String className = frame.getClassName();
        return ((className.equals("java.lang.Thread") || className.equals("java.lang.VirtualThread")
                || className.startsWith("java.lang.System$")) && frame.getMethodName().equals("start"))
                || className.startsWith("java.lang.ThreadBuilders");
    }
}
