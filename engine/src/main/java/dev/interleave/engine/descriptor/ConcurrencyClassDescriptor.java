package dev.interleave.engine.descriptor;

import dev.interleave.engine.execution.InterleaveExecutionContext;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A class that holds {@code @ConcurrencyTest} methods. */
public final class ConcurrencyClassDescriptor extends AbstractTestDescriptor
        implements Node<InterleaveExecutionContext> {

    public static final String SEGMENT = "class";

    private final Class<?> testClass;

    public ConcurrencyClassDescriptor(UniqueId uniqueId, Class<?> testClass) {
        super(uniqueId, displayName(testClass), ClassSource.from(testClass));
        this.testClass = testClass;
    }

    private static String displayName(Class<?> testClass) {
        String name = testClass.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public Class<?> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
