package dev.interleave.scheduler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.interleave.bridge.Sites;

/**
 * The site of a blocking I/O call: its hooks are inlined into the JDK, which has no sites, so the place is the
 * innermost frame of the code under test, found on the stack (I/O calls are rare next to field accesses).
 */
final class IoSites {

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Map<String, Integer> SITES = new ConcurrentHashMap<>();

    private IoSites() {
    }

    /** The site of the call {@code description} ({@code "read"}, {@code "close"}) in the innermost frame of test code. */
    static int of(String description) {
        StackWalker.StackFrame frame = WALKER.walk(frames -> frames.filter(IoSites::isTestCode).findFirst())
                .orElse(null);
        if (frame == null) {
            return Sites.UNKNOWN;
        }
        String key = frame.getClassName() + '#' + frame.getMethodName() + ':' + frame.getLineNumber() + ' '
                + description;
        return SITES.computeIfAbsent(key, k -> Sites.register(frame.getClassName(), frame.getMethodName(),
                frame.getFileName(), Math.max(0, frame.getLineNumber()), description));
    }

    private static boolean isTestCode(StackWalker.StackFrame frame) {
        String name = frame.getClassName();
        return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("dev.interleave.bridge.")
                || name.startsWith("dev.interleave.scheduler."));
    }
}
