package dev.interleave.instrumentation;

import dev.interleave.bridge.Bridge;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Points the clock reads and sleeps of a JDK class at the bridge: {@code java.util.concurrent} computes what is left
 * of a timeout from {@code System.nanoTime()} after every park, so a timed wait that the scheduler ended on virtual
 * time would otherwise park again and again until the real timeout passed; and {@code TimeUnit.sleep} sleeps through
 * {@code Thread.sleep}, which would block a managed thread for real. For threads no test manages, the bridge reads
 * the real clock and sleeps for real.
 */
final class ClockCalls implements AsmVisitorWrapper {

    private static final String SYSTEM = "java/lang/System";
    private static final String THREAD = "java/lang/Thread";
    private static final String BRIDGE = Bridge.class.getName().replace('.', '/');

    @Override
    public int mergeWriter(int flags) {
        return flags;
    }

    @Override
    public int mergeReader(int flags) {
        return flags;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
            Implementation.Context implementationContext, TypePool typePool,
            FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags,
            int readerFlags) {
        return new ClassVisitor(OpenedClassReader.ASM_API, classVisitor) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(OpenedClassReader.ASM_API,
                        super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        boolean clock = opcode == Opcodes.INVOKESTATIC && owner.equals(SYSTEM)
                                && methodDescriptor.equals("()J")
                                && (method.equals("nanoTime") || method.equals("currentTimeMillis"));
                        boolean sleep = opcode == Opcodes.INVOKESTATIC && owner.equals(THREAD)
                                && method.equals("sleep");
                        if (sleep) {
                            // the bridge's sleep takes the site last; JDK code has none
                            super.visitInsn(Opcodes.ICONST_0);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, method,
                                    methodDescriptor.replace(")V", "I)V"), false);
                            return;
                        }
                        super.visitMethodInsn(opcode, clock ? BRIDGE : owner, method, methodDescriptor,
                                clock ? false : isInterface);
                    }
                };
            }
        };
    }
}
