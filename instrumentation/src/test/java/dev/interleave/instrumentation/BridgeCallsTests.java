package dev.interleave.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.interleave.bridge.Bridge;
import dev.interleave.instrumentation.fixtures.EveryBridgeCall;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;
import org.junit.jupiter.api.Test;

/**
 * The rewriters name the bridge's methods by strings: every call they emit must find a public static method of
 * {@link Bridge} with that name and descriptor, or the rewritten class fails with a {@code NoSuchMethodError} only
 * when the call runs. Rewrites classes that use every construct, in every mode, and checks each call against the
 * bridge by reflection.
 */
class BridgeCallsTests {

    private static final String BRIDGE = Type.getInternalName(Bridge.class);
    private static final TypePool TYPES = TypePool.Default.ofSystemLoader();

    /** JDK classes explored inside: together they reach every hook of explored code. */
    private static final String[] EXPLORED = {"java.util.HashMap", "java.util.ArrayList", "java.util.Vector",
            "java.util.Hashtable", "java.util.Collections", "java.util.TreeMap", "java.util.ArrayDeque",
            "java.util.PriorityQueue", "java.util.LinkedHashMap", "java.text.SimpleDateFormat",
            "java.text.DecimalFormat", "java.util.GregorianCalendar"};
    private static final String[] MONITORS_ONLY = {"java.io.PipedInputStream", "java.io.PipedOutputStream",
            "java.io.PipedReader", "java.io.PipedWriter"};
    private static final String[] CLOCK_READERS = {"java.util.concurrent.TimeUnit",
            "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.FutureTask",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject",
            "java.util.concurrent.LinkedBlockingQueue"};

    @Test
    void everyBridgeCallTheRewritersEmitIsAPublicStaticMethodOfTheBridge() {
        Map<String, String> emitted = new TreeMap<>();
        collect(rewrite(bytesOf(EveryBridgeCall.class.getName()), new SchedulingPoints()), emitted);
        collect(rewrite(durations(), new SchedulingPoints()), emitted);
        for (String name : EXPLORED) {
            collect(rewrite(bytesOf(name), new SchedulingPoints(RewriteMode.JDK_EXPLORED)), emitted);
        }
        for (String name : MONITORS_ONLY) {
            collect(rewrite(bytesOf(name), new SchedulingPoints(RewriteMode.JDK_MONITORS)), emitted);
        }
        for (String name : CLOCK_READERS) {
            collect(rewrite(bytesOf(name), new ClockCalls()), emitted);
        }

        Set<String> declared = new TreeSet<>();
        for (Method method : Bridge.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
                declared.add(method.getName() + Type.getMethodDescriptor(method));
            }
        }
        Map<String, String> missing = new TreeMap<>(emitted);
        missing.keySet().removeAll(declared);
        assertThat(missing).as("bridge calls with no public static method of that name and descriptor, and where"
                + " they were emitted").isEmpty();

        Set<String> names = new TreeSet<>();
        emitted.keySet().forEach(call -> names.add(call.substring(0, call.indexOf('('))));
        assertThat(names).as("the classes rewritten here reach every kind of bridge call").contains(
                "read", "write", "arrayRead", "arrayWrite", "monitorEnter", "monitorExit",
                "beforeSynchronizedCall", "methodLockEnter", "methodLockExit",
                "waitOn", "notifyOne", "notifyAll", "join", "sleep", "yield", "onSpinWait", "interrupt", "isAlive",
                "nanoTime", "currentTimeMillis", "identityHashCode", "hashCodeOf", "objectHashCode", "toStringOf",
                "objectToString", "exit", "runtimeExit", "runtimeHalt",
                "beforeLibraryCall", "beforeDirectCall", "beforeOpaqueLibraryCall", "beforeQuietCall",
                "afterLibraryCall", "frameState", "restoreFrame",
                "jdkRead", "jdkWrite", "jdkArrayRead", "jdkArrayWrite", "jdkMonitorEnter", "jdkMonitorExit",
                "jdkSynchronizedMethodEnter", "jdkSynchronizedMethodExit", "enterExplored", "exitExplored",
                "restoreExplored", "beforeOpaqueCall", "afterOpaqueCall", "beforeCallback", "afterCallback",
                "explores", "enterInitializer", "exitInitializer");
        assertThat(emitted).as("the descriptors of the Duration overloads, which JDK 17 lacks")
                .containsKeys("join(Ljava/lang/Thread;Ljava/time/Duration;I)Z", "sleep(Ljava/time/Duration;I)V");
    }

    private static byte[] rewrite(byte[] original, AsmVisitorWrapper wrapper) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(wrapper.mergeWriter(0));
        ClassVisitor visitor = wrapper.wrap(null, writer, null, TYPES, null, null, 0, 0);
        reader.accept(visitor, wrapper.mergeReader(0));
        return writer.toByteArray();
    }

    /** Adds each call of the bridge in {@code rewritten}, as name and descriptor, with the method it is in. */
    private static void collect(byte[] rewritten, Map<String, String> emitted) {
        new ClassReader(rewritten).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
            private String className;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                className = name;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String where = className + "." + name + descriptor;
                return new MethodVisitor(OpenedClassReader.ASM_API) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        if (owner.equals(BRIDGE)) {
                            assertThat(opcode).as("%s calls %s", where, method).isEqualTo(Opcodes.INVOKESTATIC);
                            emitted.putIfAbsent(method + methodDescriptor, where);
                        }
                    }
                };
            }
        }, 0);
    }

    private static byte[] bytesOf(String className) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An application class that calls {@code Thread.join(Duration)} and {@code Thread.sleep(Duration)}, which JDK 19
     * added: written here, as this source compiles for JDK 17.
     */
    private static byte[] durations() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "dev/interleave/instrumentation/fixtures/Durations", null,
                "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "waits",
                "(Ljava/lang/Thread;Ljava/time/Duration;)V", null, null);
        method.visitCode();
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "join", "(Ljava/time/Duration;)Z", false);
        method.visitInsn(Opcodes.POP);
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "sleep", "(Ljava/time/Duration;)V", false);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
