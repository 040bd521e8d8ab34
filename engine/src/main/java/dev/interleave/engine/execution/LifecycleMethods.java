package dev.interleave.engine.execution;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import dev.interleave.scheduler.TestThread;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The JUnit Jupiter lifecycle methods of a class with {@code @ConcurrencyTest} methods, in Jupiter's order:
 * superclasses' and interfaces' {@code @BeforeAll}/{@code @BeforeEach} before the class's own, {@code @After...}
 * the other way round. {@code @BeforeAll}/{@code @AfterAll} run once per class on the engine's thread;
 * {@code @BeforeEach}/{@code @AfterEach} run in every schedule, on the fresh instance, in thread 0 under the
 * scheduler, so that set-up that starts threads or touches shared state is explored with the test.
 */
public final class LifecycleMethods {

    private final List<Method> beforeAll;
    private final List<Method> afterAll;
    private final List<OnInstance> beforeEach = new ArrayList<>();
    private final List<OnInstance> afterEach = new ArrayList<>();

    /** A {@code @BeforeEach} or {@code @AfterEach} method, and which instance of {@link #instances} it runs on. */
    private record OnInstance(Method method, int instance) {
    }

    private LifecycleMethods(Class<?> testClass) {
        beforeAll = find(testClass, BeforeAll.class, HierarchyTraversalMode.TOP_DOWN, true);
        afterAll = find(testClass, AfterAll.class, HierarchyTraversalMode.BOTTOM_UP, true);
        List<Class<?>> chain = instances(testClass);
        // As Jupiter runs an inner (@Nested) class's tests: the enclosing classes' @BeforeEach first, on their
        // instances, and their @AfterEach last.
        for (int i = 0; i < chain.size(); i++) {
            for (Method method : find(chain.get(i), BeforeEach.class, HierarchyTraversalMode.TOP_DOWN, false)) {
                beforeEach.add(new OnInstance(method, i));
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (Method method : find(chain.get(i), AfterEach.class, HierarchyTraversalMode.BOTTOM_UP, false)) {
                afterEach.add(new OnInstance(method, i));
            }
        }
    }

    /**
     * The classes of the instances a test of {@code testClass} needs, outermost first: for an inner class, the
     * instances that enclose it, then its own; for any other class, its own alone.
     */
    static List<Class<?>> instances(Class<?> testClass) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> current = testClass; current != null; current = isInner(current)
                ? current.getEnclosingClass() : null) {
            chain.add(0, current);
        }
        return chain;
    }

    /** Whether instances of {@code type} need an instance of the class that encloses it. */
    static boolean isInner(Class<?> type) {
        return type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
    }

    public static LifecycleMethods of(Class<?> testClass) {
        return new LifecycleMethods(testClass);
    }

    public void runBeforeAll() {
        for (Method method : beforeAll) {
            invoke("BeforeAll", method, null);
        }
    }

    /** Runs every {@code @AfterAll} method, even when one fails; throws the first failure. */
    public void runAfterAll() {
        Throwable first = null;
        for (Method method : afterAll) {
            try {
                invoke("AfterAll", method, null);
            } catch (RuntimeException e) {
                first = collect(first, e);
            }
        }
        rethrow(first);
    }

    /**
     * The body of one schedule's thread 0, on {@code instances} (see {@link #instances(Class)}, the test's own
     * last): {@code @BeforeEach}, the test method unless set-up failed, then
     * {@code @AfterEach} whatever happened, as Jupiter runs them. The first failure is thrown, later ones are added
     * to it as suppressed.
     */
    Runnable aroundTest(List<Object> instances, Method test) {
        Object instance = instances.get(instances.size() - 1);
        return () -> {
            Throwable failure = null;
            for (OnInstance each : beforeEach) {
                try {
                    invoke("BeforeEach", each.method(), instances.get(each.instance()));
                } catch (RuntimeException e) {
                    failure = e;
                    break;
                }
            }
            if (failure == null) {
                try {
                    TestThread.enteringTestCode();
                    invokeDirectly(test, instance);
                } catch (Throwable t) {
                    failure = t;
                }
            }
            for (OnInstance each : afterEach) {
                try {
                    invoke("AfterEach", each.method(), instances.get(each.instance()));
                } catch (RuntimeException e) {
                    failure = collect(failure, e);
                }
            }
            rethrow(failure);
        };
    }

    private static Throwable collect(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (first != next) {
            first.addSuppressed(next);
        }
        return first;
    }

    private static void rethrow(Throwable failure) {
        if (failure != null) {
            throw LifecycleMethods.<RuntimeException>sneaky(failure);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable throwable) throws T {
        throw (T) throwable;
    }

    private static void invoke(String annotation, Method method, Object instance) {
        try {
            TestThread.enteringTestCode();
            invokeDirectly(method, instance);
        } catch (Throwable t) {
            if (t instanceof Error && !(t instanceof AssertionError)) {
                throw (Error) t; // the scheduler's own unwinding, and the JVM's errors, pass as they are
            }
            throw new LifecycleMethodFailure(annotation, method, t);
        }
    }

    /**
     * Calls {@code method} on {@code instance}, throwing what it throws. Not through JUnit's reflection support: on a
     * throw it loads and initializes JUnit's exception utilities, and when the first throw of the JVM is the
     * scheduler unwinding an abandoned schedule, their initializer fails on it, and JUnit cannot report anything
     * afterwards ("Could not initialize class ...ExceptionUtils").
     */
    private static void invokeDirectly(Method method, Object instance) throws Throwable {
        try {
            method.setAccessible(true);
            method.invoke(instance);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static List<Method> find(Class<?> testClass, Class<? extends Annotation> annotation,
            HierarchyTraversalMode order, boolean mustBeStatic) {
        List<Method> methods = AnnotationSupport.findAnnotatedMethods(testClass, annotation, order);
        for (Method method : methods) {
            boolean isStatic = Modifier.isStatic(method.getModifiers());
            String problem = isStatic != mustBeStatic ? (mustBeStatic ? "must be static" : "must not be static")
                    : Modifier.isPrivate(method.getModifiers()) ? "must not be private"
                    : method.getParameterCount() > 0 ? "must not take parameters"
                    : method.getReturnType() != void.class ? "must return void"
                    : null;
            if (problem != null) {
                throw new JUnitException("@" + annotation.getSimpleName() + " method " + method + " " + problem
                        + " in a class with @ConcurrencyTest methods");
            }
        }
        return methods;
    }
}
