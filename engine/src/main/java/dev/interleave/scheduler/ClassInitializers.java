package dev.interleave.scheduler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.interleave.bridge.Sites;
import dev.interleave.instrumentation.ClassInitialization;
import dev.interleave.instrumentation.InitializerTouches;

/**
 * Which application classes the scheduler models the initialization of, and which classes their initializers
 * touch, in order, each with a site of its own ({@code B.<clinit>(B.java:12)}); read once per class and JVM from
 * the class files, so that every schedule, in this JVM or a fresh one, sees the same.
 *
 * <p>A class is modelled when its static initializer touches another application class that has one: only such
 * classes can wait for another class's initialization while they hold their own, which a deadlock needs. A class
 * whose initializer touches none is left to the JVM, which initializes it as one step.
 */
final class ClassInitializers {

    /** What is known of one class: the classes its initializer touches that are modelled, with their sites. */
    static final class Initializer {
        final boolean modelled;
        private final List<Class<?>> touched;
        private final int[] sites;
        private final List<InitializerTouches.Touch> touches;
        private boolean resolved;

        private final String className;

        private Initializer(String className, boolean modelled, List<InitializerTouches.Touch> touches) {
            this.className = className;
            this.modelled = modelled;
            this.touches = touches;
            this.touched = new ArrayList<>();
            this.sites = new int[touches.size()];
        }

        /** The modelled classes the initializer touches, in order; {@link #site} says where. */
        synchronized List<Class<?>> touched() {
            resolve();
            return touched;
        }

        synchronized int site(int index) {
            resolve();
            return sites[index];
        }

        private void resolve() {
            if (resolved) {
                return;
            }
            resolved = true;
            for (InitializerTouches.Touch touch : touches) {
                if (of(touch.type()).modelled) {
                    sites[touched.size()] = Sites.register(className, "<clinit>", touch.fileName(), touch.line(),
                            "initialize " + touch.type().getSimpleName());
                    touched.add(touch.type());
                }
            }
        }
    }

    private static final Initializer NONE = new Initializer("", false, List.of());

    private static final ClassValue<Initializer> INITIALIZERS = new ClassValue<>() {
        @Override
        protected Initializer computeValue(Class<?> type) {
            return read(type);
        }
    };

    private ClassInitializers() {
    }

    static Initializer of(Class<?> type) {
        return INITIALIZERS.get(type);
    }

    private static Initializer read(Class<?> type) {
        try {
            if (type.isInterface() || type.isArray() || !ClassInitialization.hasStaticInitializer(type)) {
                return NONE;
            }
            List<InitializerTouches.Touch> touches = InitializerTouches.of(type);
            boolean modelled = false;
            for (InitializerTouches.Touch touch : touches) {
                modelled |= !touch.type().isInterface() && ClassInitialization.hasStaticInitializer(touch.type());
            }
            if (!modelled) {
                return NONE;
            }
            return new Initializer(type.getName(), true, touches);
        } catch (IOException | RuntimeException unreadable) {
            return NONE; // a class file that cannot be read is left to the JVM
        }
    }
}
