package dev.interleave.engine.discovery;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.interleave.ConcurrencyTest;
import dev.interleave.engine.descriptor.ConcurrencyClassDescriptor;
import dev.interleave.engine.descriptor.ConcurrencyMethodDescriptor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves class, method and unique-id selectors into a descriptor per test class and per
 * {@code @ConcurrencyTest} method. Package, class path root and module selectors reach it as class selectors.
 */
public final class ConcurrencyTestResolver implements SelectorResolver {

    /**
     * Whether a class holds {@code @ConcurrencyTest} methods that this engine runs, or nested classes that do: static
     * ones, and inner ones ({@code @Nested} or not), whose tests run on an instance of every class enclosing them.
     * Surefire never selects nested classes itself: they are found through the class that encloses them.
     */
    public static boolean isTestClass(Class<?> candidate) {
        int modifiers = candidate.getModifiers();
        if (Modifier.isAbstract(modifiers) || candidate.isInterface() || candidate.isAnonymousClass()
                || candidate.isLocalClass() || candidate.isSynthetic()) {
            return false;
        }
        return !testMethods(candidate).isEmpty() || !nestedTestClasses(candidate).isEmpty();
    }

    static List<Class<?>> nestedTestClasses(Class<?> testClass) {
        List<Class<?>> nested = new ArrayList<>();
        for (Class<?> member : testClass.getDeclaredClasses()) {
            if (isTestClass(member)) {
                nested.add(member);
            }
        }
        nested.sort(Comparator.comparing(Class::getName));
        return nested;
    }

    static List<Method> testMethods(Class<?> testClass) {
        return ReflectionSupport.findMethods(testClass,
                method -> AnnotationSupport.isAnnotated(method, ConcurrencyTest.class),
                HierarchyTraversalMode.TOP_DOWN);
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        if (!isTestClass(testClass)) {
            return Resolution.unresolved();
        }
        Class<?> enclosing = testClass.getEnclosingClass();
        Optional<ConcurrencyClassDescriptor> descriptor = enclosing != null && isTestClass(enclosing)
                ? context.addToParent(() -> DiscoverySelectors.selectClass(enclosing),
                        parent -> Optional.of(classDescriptor(parent.getUniqueId(), testClass)))
                : context.addToParent(parent -> Optional.of(classDescriptor(parent.getUniqueId(), testClass)));
        return descriptor
                .map(found -> Resolution.match(Match.exact(found, () -> childSelectors(testClass))))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!AnnotationSupport.isAnnotated(method, ConcurrencyTest.class) || !isTestClass(testClass)) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectClass(testClass),
                        parent -> Optional.of(new ConcurrencyMethodDescriptor(
                                parent.getUniqueId().append(ConcurrencyMethodDescriptor.SEGMENT,
                                        ConcurrencyMethodDescriptor.segmentValue(method)),
                                testClass, method)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        UniqueId.Segment last = segments.get(segments.size() - 1);
        if (last.getType().equals(ConcurrencyClassDescriptor.SEGMENT)) {
            return Resolution.selectors(Set.of(DiscoverySelectors.selectClass(last.getValue())));
        }
        if (last.getType().equals(ConcurrencyMethodDescriptor.SEGMENT) && segments.size() >= 2) {
            UniqueId.Segment owner = segments.get(segments.size() - 2);
            String value = last.getValue();
            int open = value.indexOf('(');
            if (owner.getType().equals(ConcurrencyClassDescriptor.SEGMENT) && open > 0 && value.endsWith(")")) {
                return Resolution.selectors(Set.of(DiscoverySelectors.selectMethod(owner.getValue(),
                        value.substring(0, open), value.substring(open + 1, value.length() - 1))));
            }
        }
        return Resolution.unresolved();
    }

    private static ConcurrencyClassDescriptor classDescriptor(UniqueId parent, Class<?> testClass) {
        return new ConcurrencyClassDescriptor(parent.append(ConcurrencyClassDescriptor.SEGMENT, testClass.getName()),
                testClass);
    }

    private static Set<DiscoverySelector> childSelectors(Class<?> testClass) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (Method method : testMethods(testClass)) {
            selectors.add(DiscoverySelectors.selectMethod(testClass, method));
        }
        for (Class<?> nested : nestedTestClasses(testClass)) {
            selectors.add(DiscoverySelectors.selectClass(nested));
        }
        return selectors;
    }
}
