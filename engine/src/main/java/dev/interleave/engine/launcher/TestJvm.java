package dev.interleave.engine.launcher;

import java.util.Set;

import org.junit.platform.launcher.Launcher;

/**
 * What the launcher's callers tell about this JVM: whether it is one that runs tests. Tests execute in a test
 * runner's own JVM (Surefire's and Failsafe's forks, an IDE's, Gradle's test workers) and wherever a launcher is
 * asked to execute; a build tool's JVM that only lists tests (Surefire's with {@code reuseForks=false} discovers in
 * Maven's JVM) or a plain {@code Launcher.discover} call runs none.
 */
final class TestJvm {

    /**
     * The entry points of the JVMs that test runners start to run tests. They may load test classes before any
     * launcher discovers (Surefire's fork scans the test classes first), so the agent goes in at session open.
     */
    private static final Set<String> TEST_RUNNER_ENTRY_POINTS = Set.of(
            "org.apache.maven.surefire.booter.ForkedBooter",
            "com.intellij.rt.junit.JUnitStarter",
            "org.eclipse.jdt.internal.junit.runner.RemoteTestRunner",
            "worker.org.gradle.process.internal.worker.GradleWorkerMain");

    private TestJvm() {
    }

    /** Whether the calling thread runs under a test runner's JVM entry point, such as Surefire's forked booter. */
    static boolean startedByTestRunner() {
        return StackWalker.getInstance().walk(frames -> frames
                .anyMatch(frame -> TEST_RUNNER_ENTRY_POINTS.contains(frame.getClassName())));
    }

    /**
     * Whether the calling thread is inside {@link Launcher#execute}: the discovery it is in serves an execution,
     * not a mere listing of tests.
     */
    static boolean discoveringForExecution() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .anyMatch(frame -> frame.getMethodName().equals("execute")
                        && Launcher.class.isAssignableFrom(frame.getDeclaringClass())));
    }
}
