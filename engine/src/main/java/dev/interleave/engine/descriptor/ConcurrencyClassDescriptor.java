package dev.interleave.engine.descriptor;

import java.util.Set;

import dev.interleave.engine.execution.InterleaveExecutionContext;
import dev.interleave.engine.execution.LifecycleMethods;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A class that holds {@code @ConcurrencyTest} methods (or static nested classes that do). Runs its
 * {@code @BeforeAll} and {@code @AfterAll} methods around its children.
 */
public final class ConcurrencyClassDescriptor extends AbstractTestDescriptor
        implements Node<InterleaveExecutionContext> {

    public static final String SEGMENT = "class";

    private final Class<?> testClass;

    public ConcurrencyClassDescriptor(UniqueId uniqueId, Class<?> testClass) {
        super(uniqueId, JupiterAnnotations.displayName(testClass, simpleName(testClass)), ClassSource.from(testClass));
        this.testClass = testClass;
    }

    private static String simpleName(Class<?> testClass) {
        return testClass.getEnclosingClass() == null
                ? testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1)
                : testClass.getSimpleName();
    }

    /**
     * The qualified class name, as Jupiter's class descriptors give it: Surefire's XML report names the class of
     * each test with it.
     */
    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }

    public Class<?> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = JupiterAnnotations.tags(testClass);
        getParent().ifPresent(parent -> tags.addAll(parent.getTags()));
        return tags;
    }

    @Override
    public SkipResult shouldBeSkipped(InterleaveExecutionContext context) {
        return JupiterAnnotations.skipResult(testClass, testClass.getName());
    }

    @Override
    public InterleaveExecutionContext before(InterleaveExecutionContext context) {
        LifecycleMethods.of(testClass).runBeforeAll();
        return context;
    }

    @Override
    public void after(InterleaveExecutionContext context) {
        LifecycleMethods.of(testClass).runAfterAll();
    }
}
