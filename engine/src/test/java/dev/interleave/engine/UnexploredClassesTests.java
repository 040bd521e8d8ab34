package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.fixtures.ReachesUninstrumented;
import dev.interleave.instrumentation.AgentInstaller;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * A test whose code can reach an application class the agent could not instrument fails, naming the class and the
 * fix, instead of passing unexplored; a test that cannot reach it is not concerned.
 */
class UnexploredClassesTests {

    private static final String TOO_LARGE = "dev.interleave.fixtures.generated.TooLarge";

    @Test
    void aTestThatCanReachAClassTheAgentCouldNotInstrumentFailsNamingItAndTheFix() throws Exception {
        AgentInstaller.install();
        IsolatedLoader loader = new IsolatedLoader(ReachesUninstrumented.class.getName());
        loader.defineTooLarge();
        Class<?> fixture = loader.loadClass(ReachesUninstrumented.class.getName());

        Throwable thrown = EngineRuns.run(selectMethod(fixture, "passes")).throwable();

        assertThat(thrown.getMessage())
                .contains("Interleave could not instrument 1 class that " + ReachesUninstrumented.class.getName())
                .contains(TOO_LARGE + " (")
                .contains("-javaagent:");
        EngineRuns.run(ReachesUninstrumented.class, "passes").assertPassedAll(3);
    }

    /**
     * Loads one fixture itself, and a class whose method is too large once it is instrumented: the agent's
     * transformation of it fails, and the JVM loads it as it is.
     */
    private static final class IsolatedLoader extends TwinClassLoader {

        IsolatedLoader(String fixture) {
            super(UnexploredClassesTests.class.getClassLoader(), TwinClassLoader.fixture(fixture, false));
        }

        void defineTooLarge() {
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
            String name = TOO_LARGE.replace('.', '/');
            writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
            writer.visitField(Opcodes.ACC_PRIVATE, "count", "I", null, null).visitEnd();
            MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
            constructor.visitCode();
            constructor.visitVarInsn(Opcodes.ALOAD, 0);
            constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            constructor.visitInsn(Opcodes.RETURN);
            constructor.visitMaxs(0, 0);
            constructor.visitEnd();
            // 10 bytes per increment, 16 more once both its accesses are scheduling points: 35 KB grows past 64 KB
            MethodVisitor increments = writer.visitMethod(Opcodes.ACC_PUBLIC, "increments", "()V", null, null);
            increments.visitCode();
            for (int i = 0; i < 3500; i++) {
                increments.visitVarInsn(Opcodes.ALOAD, 0);
                increments.visitInsn(Opcodes.DUP);
                increments.visitFieldInsn(Opcodes.GETFIELD, name, "count", "I");
                increments.visitInsn(Opcodes.ICONST_1);
                increments.visitInsn(Opcodes.IADD);
                increments.visitFieldInsn(Opcodes.PUTFIELD, name, "count", "I");
            }
            increments.visitInsn(Opcodes.RETURN);
            increments.visitMaxs(0, 0);
            increments.visitEnd();
            writer.visitEnd();
            byte[] bytes = writer.toByteArray();
            defineClass(TOO_LARGE, bytes, 0, bytes.length);
        }
    }
}
