package dev.interleave.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

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
 * LauncherAttachTests}, and prints whether the agent is attached and whether a class of the test was instrumented as
 * it loaded, rather than retransformed after the fact. Arguments: {@code discover} or {@code execute}, the test class's
 * name (never its class literal: this class must not load it), the simple name of the nested class to look at, the
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
        Class<?> owner = Class.forName(testClass + "$" + args[2], false, LauncherAttachRun.class.getClassLoader());
        System.out.println("instrumented as it loaded: " + AgentStatus.instrumentedAsItLoaded(owner));
    }
}
