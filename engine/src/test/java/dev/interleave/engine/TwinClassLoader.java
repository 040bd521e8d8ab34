package dev.interleave.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

/**
 * Loads the classes it is told to itself, from the class files its parent would load them from, and everything
 * else from its parent: a second copy of a fixture that the JVM loads, and the agent sees, anew.
 */
class TwinClassLoader extends ClassLoader {

    private final Predicate<String> ownClasses;

    TwinClassLoader(ClassLoader parent, Predicate<String> ownClasses) {
        super(parent);
        this.ownClasses = ownClasses;
    }

    /** A twin of {@code fixture} and, with {@code nested}, of the classes nested in it. */
    static Predicate<String> fixture(String fixture, boolean nested) {
        return name -> name.equals(fixture) || nested && name.startsWith(fixture + "$");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (!ownClasses.test(name)) {
                return super.loadClass(name, resolve);
            }
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    loaded = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            return loaded;
        }
    }
}
