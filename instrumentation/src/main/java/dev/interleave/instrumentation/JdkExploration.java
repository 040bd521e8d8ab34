package dev.interleave.instrumentation;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the explored JDK classes ({@link JdkScope}) carry their hooks: only while tests execute. Before the first
 * test, and from a second after the last one on, {@code HashMap} and the rest run the JDK's own bytecode, so code
 * that no test runs, in a JVM that has the agent, pays nothing for them; while tests execute, a thread no test
 * manages takes the JDK's body of each method after one check (see {@link UnmanagedFastPath}). Going back waits for
 * that second because retransforming the JDK's collections takes a while: a suite that runs one engine after another
 * (Surefire, the JUnit test kit) pays it once, not once per engine.
 */
public final class JdkExploration {

    private static final long IDLE_MILLIS = 1_000;

    private static volatile boolean active;
    private static int users;
    private static Instrumentation instrumentation;
    private static ScheduledExecutorService restorer;
    private static ScheduledFuture<?> restore;

    private JdkExploration() {
    }

    /** Whether an explored JDK class that loads or is retransformed now gets its hooks. */
    static boolean isActive() {
        return active;
    }

    static synchronized void begin(Instrumentation jvm) {
        instrumentation = jvm;
        users++;
        if (restore != null) {
            restore.cancel(false);
            restore = null;
        }
        if (!active) {
            active = true;
            retransformLoaded();
        }
    }

    static synchronized void end() {
        if (users == 0) {
            throw new IllegalStateException("JDK exploration ended more often than it began");
        }
        if (--users == 0) {
            restore = restorer().schedule(JdkExploration::restoreIfIdle, IDLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Back to the JDK's bytecode now, if no test executes: for a benchmark that measures code no test runs. */
    static synchronized void restoreIfIdle() {
        if (users > 0) {
            return;
        }
        if (restore != null) {
            restore.cancel(false);
            restore = null;
        }
        if (active) {
            active = false;
            retransformLoaded();
        }
    }

    private static ScheduledExecutorService restorer() {
        if (restorer == null) {
            restorer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "interleave-jdk-restorer");
                thread.setDaemon(true);
                return thread;
            });
        }
        return restorer;
    }

    private static void retransformLoaded() {
        List<Class<?>> explored = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getClassLoader() == null && !type.isArray() && !type.isAnnotation()
                    && JdkScope.isExploredClass(type.getName()) && instrumentation.isModifiableClass(type)) {
                explored.add(type);
            }
        }
        try {
            instrumentation.retransformClasses(explored.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException e) {
            throw new IllegalStateException("the JVM refused to retransform the JDK's collections: " + e, e);
        }
    }
}
