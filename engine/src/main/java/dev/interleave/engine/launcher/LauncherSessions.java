package dev.interleave.engine.launcher;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many launcher sessions are open in this JVM that {@link AgentSessionListener} was told of. While one is, the
 * launcher's hooks decide when the agent is attached; a discovery outside any (a launcher without the hook, the
 * test kit) attaches it itself.
 */
public final class LauncherSessions {

    private static final AtomicInteger OPEN = new AtomicInteger();

    private LauncherSessions() {
    }

    static void opened() {
        OPEN.incrementAndGet();
    }

    static void closed() {
        OPEN.updateAndGet(open -> Math.max(0, open - 1));
    }

    public static boolean anyOpen() {
        return OPEN.get() > 0;
    }
}
