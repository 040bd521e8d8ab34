package dev.interleave.engine.hunt;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

import dev.interleave.scheduler.TestThread;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Tells the scheduler, as Jupiter calls test code (a constructor, a lifecycle method, the test), that test code
 * starts: Jupiter reaches it through JDK collections it iterates, which the scheduler would otherwise take for a
 * call into the JDK that runs as one step, test included. Registered in hunted schedules only (see {@link Jupiter});
 * on any thread the scheduler does not manage it does nothing but call on.
 */
public final class EnteringTestCode implements InvocationInterceptor {

    @Override
    public <T> T interceptTestClassConstructor(Invocation<T> invocation,
            ReflectiveInvocationContext<Constructor<T>> invocationContext, ExtensionContext extensionContext)
            throws Throwable {
        return asTestCode(invocation);
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        enter(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        enter(invocation);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        enter(invocation);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        return asTestCode(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        enter(invocation);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        enter(invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        enter(invocation);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        enter(invocation);
    }

    private static void enter(Invocation<Void> invocation) throws Throwable {
        asTestCode(invocation);
    }

    /** Test code runs with the context class loader it would have under Jupiter: not {@link ExtensionServices}. */
    private static <T> T asTestCode(Invocation<T> invocation) throws Throwable {
        Thread thread = Thread.currentThread();
        ClassLoader loader = thread.getContextClassLoader();
        boolean jupiters = loader instanceof ExtensionServices;
        if (jupiters) {
            thread.setContextClassLoader(((ExtensionServices) loader).original());
        }
        TestThread.enteringTestCode();
        try {
            return invocation.proceed();
        } finally {
            if (jupiters) {
                thread.setContextClassLoader(loader);
            }
        }
    }
}
