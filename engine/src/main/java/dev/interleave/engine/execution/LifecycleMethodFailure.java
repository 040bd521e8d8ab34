package dev.interleave.engine.execution;

import java.lang.reflect.Method;

/**
 * A JUnit lifecycle method ({@code @BeforeEach}, {@code @AfterEach}, ...) threw: the test fails with this, not with
 * a concurrency failure, and the cause is what the method threw.
 */
public final class LifecycleMethodFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LifecycleMethodFailure(String annotation, Method method, Throwable cause) {
        super("@" + annotation + " method " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + "() failed: " + cause, cause);
    }

    LifecycleMethodFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
