package dev.interleave.engine.execution;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
    private final List<Method> beforeEach;
    private final List<Method> afterEach;

    private LifecycleMethods(Class<?> testClass) {
        beforeAll = find(testClass, BeforeAll.class, HierarchyTraversalMode.TOP_DOWN, true);
        afterAll = find(testClass, AfterAll.class, HierarchyTraversalMode.BOTTOM_UP, true);
        beforeEach = find(testClass, BeforeEach.class, HierarchyTraversalMode.TOP_DOWN, false);
        afterEach = find(testClass, AfterEach.class, HierarchyTraversalMode.BOTTOM_UP, false);
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
     * The body of one schedule's thread 0: {@code @BeforeEach}, the test method unless set-up failed, then
     * {@code @AfterEach} whatever happened, as Jupiter runs them. The first failure is thrown, later ones are added
     * to it as suppressed.
     */
    Runnable aroundTest(Object instance, Method test) {
        return () -> {
            Throwable failure = null;
            for (Method method : beforeEach) {
                try {
                    invoke("BeforeEach", method, instance);
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
            for (Method method : afterEach) {
                try {
                    invoke("AfterEach", method, instance);
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
