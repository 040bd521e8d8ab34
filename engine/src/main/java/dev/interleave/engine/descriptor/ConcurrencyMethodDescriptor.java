package dev.interleave.engine.descriptor;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.interleave.engine.execution.Exploration;
import dev.interleave.engine.execution.InterleaveExecutionContext;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** One {@code @ConcurrencyTest} method: a single test, however many schedules it explores. */
public final class ConcurrencyMethodDescriptor extends AbstractTestDescriptor
        implements Node<InterleaveExecutionContext> {

    public static final String SEGMENT = "method";

    private final Class<?> testClass;
    private final Method method;

    public ConcurrencyMethodDescriptor(UniqueId uniqueId, Class<?> testClass, Method method) {
        super(uniqueId, JupiterAnnotations.displayName(method, method.getName() + "()"),
                MethodSource.from(testClass, method));
        this.testClass = testClass;
        this.method = method;
    }

    /** The method's part of a unique id, as Jupiter writes it: {@code count()}, {@code count(int)}. */
    public static String segmentValue(Method method) {
        return method.getName() + "(" + Arrays.stream(method.getParameterTypes()).map(Class::getTypeName)
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = JupiterAnnotations.tags(method);
        getParent().ifPresent(parent -> tags.addAll(parent.getTags()));
        return tags;
    }

    @Override
    public SkipResult shouldBeSkipped(InterleaveExecutionContext context) {
        return JupiterAnnotations.skipResult(method, method.toString());
    }

    @Override
    public InterleaveExecutionContext execute(InterleaveExecutionContext context,
            DynamicTestExecutor dynamicTestExecutor) throws Exception {
        new Exploration(testClass, method, context, this).run();
        return context;
    }
}
