package dev.interleave.samples.benchmark;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.samples.BugSample;

/**
 * One sample method, found by its name ({@code CounterSample#lostUpdate}, or {@code sctbench.SomeSample#method},
 * below {@code dev.interleave.samples}), called as a plain program would call it: on a fresh instance of its class
 * made by the no-argument constructor. The method takes no arguments; it is normally a {@code @ConcurrencyTest},
 * but nothing here needs the annotation, as nothing of Interleave runs.
 */
final class SampleMethod {

    static final String PACKAGE = "dev.interleave.samples";

    private final String name;
    private final Constructor<?> constructor;
    private final Method method;

    private SampleMethod(String name, Constructor<?> constructor, Method method) {
        this.name = name;
        this.constructor = constructor;
        this.method = method;
    }

    /**
     * Finds the sample {@code name} names.
     *
     * @throws IllegalArgumentException when there is no such class, constructor or method, saying which
     */
    static SampleMethod resolve(String name) {
        int hash = name.indexOf('#');
        if (hash <= 0 || hash == name.length() - 1) {
            throw new IllegalArgumentException("a sample is named Class#method below " + PACKAGE
                    + " (CounterSample#lostUpdate), not '" + name + "'");
        }
        String className = PACKAGE + "." + name.substring(0, hash);
        String methodName = name.substring(hash + 1);
        try {
            Class<?> type = Class.forName(className);
            Constructor<?> constructor = type.getDeclaredConstructor();
            Method method = type.getDeclaredMethod(methodName);
            // Samples and their methods are package-private, as JUnit lets test classes be.
            constructor.setAccessible(true);
            method.setAccessible(true);
            return new SampleMethod(name, constructor, method);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("sample " + name + ": no class " + className + " on the class path", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("sample " + name + ": " + className
                    + " needs a no-argument constructor and a method " + methodName + "() without parameters", e);
        }
    }

    String name() {
        return name;
    }

    Class<?> type() {
        return method.getDeclaringClass();
    }

    /** The kind of failure the sample's {@link BugSample} says Interleave must report; empty for a correct one. */
    Optional<ConcurrencyFailure.Kind> documentedBug() {
        return Optional.ofNullable(method.getAnnotation(BugSample.class)).map(BugSample::value);
    }

    /** A fresh instance, as every run gets: no state is left from the run before. */
    Object newInstance() {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + name + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type().getName() + ": " + e, e);
        }
    }

    /** Calls the method on {@code instance}, on the calling thread; what the method throws is thrown as itself. */
    void invokeOn(Object instance) throws Throwable {
        try {
            method.invoke(instance);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
