package dev.interleave.engine.hunt;

import java.util.List;

import dev.interleave.engine.execution.InterleaveExecutionContext;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.util.Set;

/**
 * One hunted Jupiter test: a plain test, or a parameterized, repeated or factory test whose invocations are
 * registered as they are found, on its straight run, and hunted each.
 */
final class HuntTestDescriptor extends AbstractTestDescriptor implements Node<InterleaveExecutionContext> {

    static final String SEGMENT = "hunt-test";
    static final String INVOCATION = "hunt-invocation";

    private final Hunt hunt;
    final UniqueId jupiterId;
    final String className;
    final String methodName;
    final String parameterTypes;
    private final boolean registersTests;
    private final String legacyName;
    private final Set<TestTag> tags;
    /** For a test with invocations: when its time is up, and when it began, set as its straight run starts. */
    long deadline;
    long begun;

    HuntTestDescriptor(UniqueId uniqueId, Hunt hunt, TestDescriptor jupiter, String className, String methodName,
            String parameterTypes, TestSource source) {
        super(uniqueId, jupiter.getDisplayName(), source);
        this.hunt = hunt;
        this.jupiterId = jupiter.getUniqueId();
        this.className = className;
        this.methodName = methodName;
        this.parameterTypes = parameterTypes;
        this.registersTests = jupiter.mayRegisterTests();
        this.legacyName = jupiter.getLegacyReportingName();
        this.tags = jupiter.getTags();
    }

    @Override
    public Type getType() {
        return registersTests ? Type.CONTAINER : Type.TEST;
    }

    /** Hunted tests run one after another, whatever interleave.parallel.enabled says: they share one budget. */
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    @Override
    public boolean mayRegisterTests() {
        return registersTests;
    }

    @Override
    public String getLegacyReportingName() {
        return legacyName;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public InterleaveExecutionContext execute(InterleaveExecutionContext context,
            DynamicTestExecutor dynamicTestExecutor) throws Exception {
        if (!registersTests) {
            hunt.huntTest(this, context);
            return context;
        }
        List<JupiterRun.Invocation> invocations = hunt.straightRunOfInvocations(this, context);
        int left = invocations.size();
        for (JupiterRun.Invocation invocation : invocations) {
            InvocationDescriptor child = new InvocationDescriptor(getUniqueId().append(INVOCATION,
                    invocation.id.getLastSegment().getValue()), invocation, this, left--);
            addChild(child);
            dynamicTestExecutor.execute(child);
        }
        dynamicTestExecutor.awaitFinished();
        return context;
    }

    /** {@code thrown} thrown as it is, checked or not: a test's failure reported as Jupiter reports it. */
    static RuntimeException rethrown(Throwable thrown) {
        throw HuntTestDescriptor.<RuntimeException>sneaky(thrown);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }

    /** One invocation of a parameterized, repeated or factory test, hunted on its own. */
    final class InvocationDescriptor extends AbstractTestDescriptor implements Node<InterleaveExecutionContext> {

        final JupiterRun.Invocation invocation;
        /** How many invocations of the test, this one included, are still to be hunted. */
        final int left;

        InvocationDescriptor(UniqueId uniqueId, JupiterRun.Invocation invocation, HuntTestDescriptor test, int left) {
            super(uniqueId, invocation.displayName, test.getSource().orElse(null));
            this.invocation = invocation;
            this.left = left;
        }

        HuntTestDescriptor test() {
            return HuntTestDescriptor.this;
        }

        @Override
        public String getLegacyReportingName() {
            return invocation.legacyName;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }

        @Override
        public InterleaveExecutionContext execute(InterleaveExecutionContext context,
                DynamicTestExecutor dynamicTestExecutor) throws Exception {
            hunt.huntInvocation(this, context);
            return context;
        }
    }
}
