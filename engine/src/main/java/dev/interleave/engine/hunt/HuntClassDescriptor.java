package dev.interleave.engine.hunt;

import dev.interleave.engine.execution.InterleaveExecutionContext;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A class of hunted tests. Its {@code @BeforeAll} and {@code @AfterAll} run with every schedule of each test, in
 * Jupiter's run of it, so nothing runs here.
 */
final class HuntClassDescriptor extends AbstractTestDescriptor implements Node<InterleaveExecutionContext> {

    static final String SEGMENT = "hunt-class";

    private final String className;

    HuntClassDescriptor(UniqueId uniqueId, String className, String displayName, TestSource source) {
        super(uniqueId, displayName, source);
        this.className = className;
    }

    /** The qualified class name, as Jupiter gives it: Surefire names each test's class in its report with it. */
    @Override
    public String getLegacyReportingName() {
        return className;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Hunted tests run one after another, whatever interleave.parallel.enabled says: they share one budget. */
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }
}
