package dev.interleave.scheduler;

import java.util.Optional;

/**
 * Who called {@code Thread.start()}: application code (directly, or through a {@code Thread.Builder}), or JDK code
 * such as a thread pool or the JDK's own housekeeping threads. Only the first kind of thread is the test's to
 * manage.
 */
final class Starters {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private Starters() {
    }

    /** The JDK class that started the thread, or empty when application code did. */
    static Optional<String> jdkStarter() {
        return WALKER.walk(frames -> frames
                .dropWhile(frame -> frame.getClassName().startsWith("dev.interleave.scheduler.")
                        || frame.getClassName().startsWith("dev.interleave.bridge."))
                .dropWhile(Starters::isStartOrBuilder)
                .findFirst()
                .map(StackWalker.StackFrame::getClassName)
                .filter(Starters::isJdk));
    }

    /** {@code Thread.start()} itself, and the {@code Thread.Builder}s that application code starts threads with. */
    private static boolean isStartOrBuilder(StackWalker.StackFrame frame) {
        String className = frame.getClassName();
        return ((className.equals("java.lang.Thread") || className.equals("java.lang.VirtualThread"))
                && frame.getMethodName().equals("start"))
                || className.startsWith("java.lang.ThreadBuilders");
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }
}
