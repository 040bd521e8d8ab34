package dev.interleave.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Modifier;

import dev.interleave.engine.execution.AgentStatus;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the Launcher API as a build tool or an IDE calls it, in a JVM of its own started by {@link
 * LauncherAttachTests}, and prints whether the agent is attached and whether a {@code synchronized} method of the
 * class under test was rewritten as it loaded. Arguments: {@code discover} or {@code execute}, the test class's
 * name (never its class literal: this class must not load it), the method to look at ({@code Nested#method}), the
 * folder failures are saved to, and optionally a value for {@code interleave.agent.attach}.
 */
public final class LauncherAttachRun {

    private LauncherAttachRun() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        String testClass = args[1];
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .configurationParameter("interleave.failures.dir", args[3])
                .configurationParameter("interleave.failures.rerun", "false");
        if (args.length > 4) {
            request.configurationParameter("interleave.agent.attach", args[4]);
        }
        LauncherDiscoveryRequest built = request.build();
        try (LauncherSession session = LauncherFactory.openSession()) {
            if (args[0].equals("discover")) {
                TestPlan plan = session.getLauncher().discover(built);
                System.out.println("tests found: " + plan.countTestIdentifiers(test -> test.isTest()));
            } else {
                SummaryGeneratingListener summary = new SummaryGeneratingListener();
                session.getLauncher().execute(built, summary);
                TestExecutionSummary result = summary.getSummary();
                System.out.println("tests succeeded: " + result.getTestsSucceededCount() + ", failed: "
                        + result.getTestsFailedCount());
                result.getFailures().forEach(failure -> System.out.println("failure: "
                        + failure.getException().getMessage().lines().findFirst().orElse("")));
            }
        }
        System.out.println("attached: " + AgentStatus.isAttached());
        String[] method = args[2].split("#");
        Class<?> owner = Class.forName(testClass + "$" + method[0], false, LauncherAttachRun.class.getClassLoader());
        int modifiers = owner.getDeclaredMethod(method[1]).getModifiers();
        System.out.println("synchronized: " + Modifier.isSynchronized(modifiers));
    }
}
