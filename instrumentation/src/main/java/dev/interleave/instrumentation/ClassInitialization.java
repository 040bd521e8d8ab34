package dev.interleave.instrumentation;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * What the JVM knows of a class's initialization, asked without initializing it: reflection on a static field would
 * run the class's static initializer, at a moment the test did not choose.
 *
 * <p>Needs {@code jdk.internal.misc} exported to this module, which {@link AgentInstaller} does when it installs the
 * agent; before that every class counts as initialized and nothing is asked.
 */
public final class ClassInitialization {

    private ClassInitialization() {
    }

    /** Whether {@code type}'s static initializer has run (or is running on this thread). */
    public static boolean isInitialized(Class<?> type) {
        MethodHandle shouldBeInitialized = Unsafe.SHOULD_BE_INITIALIZED;
        if (shouldBeInitialized == null) {
            return true;
        }
        try {
            return !(boolean) shouldBeInitialized.invokeExact(Unsafe.INSTANCE, type);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether {@code type}'s class file has a static initializer ({@code <clinit>}): a class without one holds the
     * default value (0, false, null) in every static field right after it is initialized. Throws
     * {@link IOException} when the class file cannot be read.
     */
    public static boolean hasStaticInitializer(Class<?> type) throws IOException {
        byte[] bytes = ClassFileLocator.ForClassLoader.read(type);
        boolean[] found = new boolean[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                found[0] |= name.equals("<clinit>");
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /** The JDK's internal {@code Unsafe}, looked up once the agent has exported its package to this module. */
    private static final class Unsafe {
        static final Object INSTANCE;
        static final MethodHandle SHOULD_BE_INITIALIZED;

        static {
            Object instance = null;
            MethodHandle handle = null;
            try {
                Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
                instance = type.getMethod("getUnsafe").invoke(null);
                handle = MethodHandles.lookup()
                        .findVirtual(type, "shouldBeInitialized", MethodType.methodType(boolean.class, Class.class))
                        .asType(MethodType.methodType(boolean.class, Object.class, Class.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                instance = null;
                handle = null;
            }
            INSTANCE = instance;
            SHOULD_BE_INITIALIZED = handle;
        }
    }
}
