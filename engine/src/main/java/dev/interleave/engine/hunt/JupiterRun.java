package dev.interleave.engine.hunt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;

/**
 * What Jupiter reported while it ran one test: the first failure (of the test, or of a class around it: a
 * {@code @BeforeAll} that threw), whether the test was skipped or aborted and why, and the invocations a
 * parameterized, repeated or factory test registered, each with its own result.
 */
final class JupiterRun implements EngineExecutionListener {

    /** One invocation a test template or factory registered. */
    static final class Invocation {
        final UniqueId id;
        final String displayName;
        final String legacyName;
        TestExecutionResult result;
        String skipped;

        Invocation(TestDescriptor descriptor) {
            this.id = descriptor.getUniqueId();
            this.displayName = descriptor.getDisplayName();
            this.legacyName = descriptor.getLegacyReportingName();
        }
    }

    private final UniqueId test;
    private Throwable failure;
    private String notRun;
    private final Map<UniqueId, Invocation> invocations = new LinkedHashMap<>();

    JupiterRun(UniqueId test) {
        this.test = test;
    }

    /** The first failure reported, or null. */
    Throwable failure() {
        return failure;
    }

    /** Why the test was skipped or aborted, or null when it ran to its end. */
    String notRun() {
        return notRun;
    }

    List<Invocation> invocations() {
        return new ArrayList<>(invocations.values());
    }

    @Override
    public void dynamicTestRegistered(TestDescriptor descriptor) {
        if (descriptor.isTest() && descriptor.getUniqueId().hasPrefix(test) && !descriptor.getUniqueId().equals(test)) {
            invocations.put(descriptor.getUniqueId(), new Invocation(descriptor));
        }
    }

    @Override
    public void executionSkipped(TestDescriptor descriptor, String reason) {
        Invocation invocation = invocations.get(descriptor.getUniqueId());
        if (invocation != null) {
            invocation.skipped = reason;
        } else if (notRun == null && test.hasPrefix(descriptor.getUniqueId())) {
            notRun = "skipped: " + reason;
        }
    }

    @Override
    public void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
        Invocation invocation = invocations.get(descriptor.getUniqueId());
        if (invocation != null) {
            invocation.result = result;
            return;
        }
        switch (result.getStatus()) {
            case FAILED:
                if (failure == null) {
                    failure = result.getThrowable().orElseGet(() -> new AssertionError(descriptor.getDisplayName()
                            + " failed without an exception"));
                }
                break;
            case ABORTED:
                if (notRun == null && failure == null && test.hasPrefix(descriptor.getUniqueId())) {
                    notRun = "aborted: " + result.getThrowable().map(Throwable::getMessage).orElse("no reason given");
                }
                break;
            default:
        }
    }
}
