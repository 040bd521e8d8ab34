package dev.interleave.instrumentation;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Inserts the bridge calls into every method of a class, as its {@link RewriteMode} says. A {@code synchronized}
 * method keeps its modifier, whether its class is being loaded or retransformed (retransformation cannot change
 * modifiers, and both must give the same schedules): the scheduler decides before the lock is taken at the call
 * site, in every rewritten caller (see {@link MethodRewriter}), and the method's entry only tells it that the JVM took
 * the lock (see {@link MethodRewriter.SynchronizedMode}).
 */
final class SchedulingPoints implements AsmVisitorWrapper {

    private final RewriteMode mode;

    /** Scheduling points at shared accesses and synchronization both: for application classes. */
    SchedulingPoints() {
        this(RewriteMode.APPLICATION);
    }

    SchedulingPoints(RewriteMode mode) {
        this.mode = mode;
    }

    @Override
    public int mergeWriter(int flags) {
        return flags | ClassWriter.COMPUTE_MAXS;
    }

    @Override
    public int mergeReader(int flags) {
        return flags | ClassReader.EXPAND_FRAMES;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
            Implementation.Context implementationContext, TypePool typePool,
            FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags,
            int readerFlags) {
        return new ClassRewriter(classVisitor, new TypeFacts(typePool), mode);
    }

    private static final class ClassRewriter extends ClassVisitor {

        private final TypeFacts facts;
        private final RewriteMode mode;
        private String internalName;
        private int version;
        private String sourceFile;

        ClassRewriter(ClassVisitor next, TypeFacts facts, RewriteMode mode) {
            super(OpenedClassReader.ASM_API, next);
            this.facts = facts;
            this.mode = mode;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.internalName = name;
            this.version = version;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public void visitSource(String source, String debug) {
            this.sourceFile = source;
            super.visitSource(source, debug);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
            boolean initializer = name.equals("<clinit>");
            if (!hasCode || initializer && mode == RewriteMode.JDK_MONITORS) {
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }
            MethodRewriter.SynchronizedMode synchronizedMode = (access & Opcodes.ACC_SYNCHRONIZED) != 0
                    && (version & 0xFFFF) >= Opcodes.V1_5
                    ? MethodRewriter.SynchronizedMode.OBSERVE : MethodRewriter.SynchronizedMode.NONE;
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            MethodRewriter.MethodInfo info = new MethodRewriter.MethodInfo(internalName, sourceFile, access, name,
                    descriptor, (version & 0xFFFF) >= Opcodes.V1_6);
            // A class initializer only runs as one step: it needs no local of its own
            FrameLocal frameLocal = initializer || mode == RewriteMode.JDK_MONITORS ? null
                    : new FrameLocal(access, descriptor, mode == RewriteMode.JDK_EXPLORED);
            MethodRewriter rewriter = new MethodRewriter(next, facts, info, synchronizedMode, mode, frameLocal);
            MethodVisitor chain = frameLocal == null ? rewriter : frameLocal.into(rewriter);
            if (mode == RewriteMode.JDK_EXPLORED && !initializer && !name.equals("<init>")) {
                return new UnmanagedFastPath(internalName, access, name, descriptor, next, chain);
            }
            return chain;
        }
    }
}
