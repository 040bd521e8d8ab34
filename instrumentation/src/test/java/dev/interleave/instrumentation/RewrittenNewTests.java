package dev.interleave.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import dev.interleave.instrumentation.fixtures.NewInABranch;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * Hooks put before a {@code new} must leave the frames that name its uninitialized object valid: the JVM verifies
 * the rewritten class when it links it, and refuses it with a {@code ClassFormatError} otherwise.
 */
class RewrittenNewTests {

    @Test
    void aNewThatAJumpReachesStillVerifiesWithItsHooksBeforeIt() throws Exception {
        String name = NewInABranch.class.getName();
        byte[] rewritten = rewrite(bytesOf(name));
        assertThat(callsTheBridgeBeforeInitialization(rewritten)).as("the hook this test is about").isTrue();

        Class<?> loaded = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (className.equals(name)) {
                    synchronized (getClassLoadingLock(className)) {
                        Class<?> found = findLoadedClass(className);
                        return found != null ? found : defineClass(className, rewritten, 0, rewritten.length);
                    }
                }
                return super.loadClass(className, resolve);
            }
        }.loadClass(name);
        Method make = loaded.getMethod("make", boolean.class, boolean.class);

        assertThat(make.invoke(null, true, true)).isNull();
        assertThat(((NewInABranch.Made) make.invoke(null, false, true)).value).isEqualTo(1);
        assertThat(((NewInABranch.Made) make.invoke(null, false, false)).value).isEqualTo(2);
    }

    private static byte[] rewrite(byte[] original) {
        SchedulingPoints wrapper = new SchedulingPoints();
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(wrapper.mergeWriter(0));
        ClassVisitor visitor = wrapper.wrap(null, writer, null, TypePool.Default.ofSystemLoader(), null, null, 0, 0);
        reader.accept(visitor, wrapper.mergeReader(0));
        return writer.toByteArray();
    }

    private static boolean callsTheBridgeBeforeInitialization(byte[] rewritten) {
        return new String(rewritten, StandardCharsets.ISO_8859_1).contains("beforeInitialization");
    }

    private static byte[] bytesOf(String className) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(className.replace('.', '/') + ".class")) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }
}
