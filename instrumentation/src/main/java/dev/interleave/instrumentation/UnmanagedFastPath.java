package dev.interleave.instrumentation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Gives a method of an explored JDK class two bodies: the JDK's own, untouched, for every thread no schedule manages
 * (the JVM's, JUnit's, the build tool's, every thread while no test runs), and the rewritten one, with its hooks, for
 * the rest. One check on entry chooses; the JIT compiles the unmanaged path as the JDK wrote it, so a {@code HashMap}
 * used by code no test runs pays a branch per call instead of a hook per field access.
 *
 * <p>Records the method's code, then writes the entry check and the JDK's body, with labels of its own, straight to
 * the class writer, and then replays the code once more through the rewriter, which ends the method (its catch-all
 * handler covers its own body only). What comes before the code (parameters, annotations) goes to the rewriter as
 * it arrives; type annotations on instructions are dropped.
 */
final class UnmanagedFastPath extends MethodVisitor {

    /** One recorded event of the method's code, replayed with its labels mapped. */
    private interface Event {
        void replay(MethodVisitor target, UnaryOperator<Label> labels);
    }

    private final String owner;
    private final int access;
    private final String name;
    private final String descriptor;
    private final MethodVisitor writer;
    private final MethodVisitor rewriter;
    private final List<Event> code = new ArrayList<>();
    private boolean inCode;
    private int maxStack;
    private int maxLocals;

    /**
     * @param writer   the class writer's visitor of the method
     * @param rewriter the rewriting chain, which ends in {@code writer}
     */
    UnmanagedFastPath(String owner, int access, String name, String descriptor, MethodVisitor writer,
            MethodVisitor rewriter) {
        super(OpenedClassReader.ASM_API, rewriter);
        this.owner = owner;
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
        this.writer = writer;
        this.rewriter = rewriter;
    }

    @Override
    public void visitCode() {
        inCode = true;
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        Object[] locals = local == null ? null : local.clone();
        Object[] onStack = stack == null ? null : stack.clone();
        code.add((target, labels) -> target.visitFrame(type, numLocal, mapped(locals, labels), numStack,
                mapped(onStack, labels)));
    }

    @Override
    public void visitInsn(int opcode) {
        code.add((target, labels) -> target.visitInsn(opcode));
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        code.add((target, labels) -> target.visitIntInsn(opcode, operand));
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        code.add((target, labels) -> target.visitVarInsn(opcode, var));
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        code.add((target, labels) -> target.visitTypeInsn(opcode, type));
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String fieldName, String fieldDescriptor) {
        code.add((target, labels) -> target.visitFieldInsn(opcode, fieldOwner, fieldName, fieldDescriptor));
    }

    @Override
    public void visitMethodInsn(int opcode, String methodOwner, String methodName, String methodDescriptor,
            boolean isInterface) {
        code.add((target, labels) -> target.visitMethodInsn(opcode, methodOwner, methodName, methodDescriptor,
                isInterface));
    }

    @Override
    public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap, Object... arguments) {
        Object[] copied = arguments.clone();
        code.add((target, labels) -> target.visitInvokeDynamicInsn(indyName, indyDescriptor, bootstrap, copied));
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        code.add((target, labels) -> target.visitJumpInsn(opcode, labels.apply(label)));
    }

    @Override
    public void visitLabel(Label label) {
        code.add((target, labels) -> target.visitLabel(labels.apply(label)));
    }

    @Override
    public void visitLdcInsn(Object value) {
        code.add((target, labels) -> target.visitLdcInsn(value));
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        code.add((target, labels) -> target.visitIincInsn(var, increment));
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
        Label[] copied = targets.clone();
        code.add((target, labels) -> target.visitTableSwitchInsn(min, max, labels.apply(dflt),
                mapped(copied, labels)));
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
        int[] copiedKeys = keys.clone();
        Label[] copied = targets.clone();
        code.add((target, labels) -> target.visitLookupSwitchInsn(labels.apply(dflt), copiedKeys,
                mapped(copied, labels)));
    }

    @Override
    public void visitMultiANewArrayInsn(String arrayDescriptor, int numDimensions) {
        code.add((target, labels) -> target.visitMultiANewArrayInsn(arrayDescriptor, numDimensions));
    }

    @Override
    public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String annotation,
            boolean visible) {
        return null;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        code.add((target, labels) -> target.visitTryCatchBlock(labels.apply(start), labels.apply(end),
                labels.apply(handler), type));
    }

    @Override
    public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String annotation,
            boolean visible) {
        return null;
    }

    @Override
    public void visitLocalVariable(String variable, String variableDescriptor, String signature, Label start,
            Label end, int index) {
        // the rewritten body's only: a debugger that stops in JDK code on a managed thread sees the names
        code.add((target, labels) -> {
            if (target == rewriter) {
                target.visitLocalVariable(variable, variableDescriptor, signature, start, end, index);
            }
        });
    }

    @Override
    public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start, Label[] end,
            int[] index, String annotation, boolean visible) {
        return null;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        code.add((target, labels) -> target.visitLineNumber(line, labels.apply(start)));
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        this.maxStack = maxStack;
        this.maxLocals = maxLocals;
    }

    @Override
    public void visitEnd() {
        if (!inCode) {
            super.visitEnd();
            return;
        }
        Label rewritten = new Label();
        writer.visitCode();
        writer.visitMethodInsn(Opcodes.INVOKESTATIC, MethodRewriter.BRIDGE, "explores", "()Z", false);
        writer.visitJumpInsn(Opcodes.IFNE, rewritten);
        Map<Label, Label> copies = new IdentityHashMap<>();
        UnaryOperator<Label> fresh = label -> copies.computeIfAbsent(label, unused -> new Label());
        for (Event event : code) {
            event.replay(writer, fresh);
        }
        writer.visitLabel(rewritten);
        Object[] entry = entryLocals();
        writer.visitFrame(Opcodes.F_NEW, entry.length, entry, 0, new Object[0]);
        for (Event event : code) {
            event.replay(rewriter, UnaryOperator.identity());
        }
        rewriter.visitMaxs(maxStack, maxLocals); // recomputed by the writer (COMPUTE_MAXS)
        rewriter.visitEnd();
    }

    /** A copy of {@code items} (frame types or jump targets) with every label mapped; null stays null. */
    private static <T> T[] mapped(T[] items, UnaryOperator<Label> labels) {
        if (items == null) {
            return null;
        }
        T[] result = items.clone();
        Object[] slots = result; // a Label[] takes labels, an Object[] anything
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] instanceof Label label) {
                slots[i] = labels.apply(label);
            }
        }
        return result;
    }

    /** The locals on entry, in the expanded form of a stack map frame. */
    private Object[] entryLocals() {
        Type[] parameters = Type.getArgumentTypes(descriptor);
        boolean instance = (access & Opcodes.ACC_STATIC) == 0;
        Object[] locals = new Object[parameters.length + (instance ? 1 : 0)];
        int i = 0;
        if (instance) {
            locals[i++] = owner;
        }
        for (Type parameter : parameters) {
            locals[i++] = frameType(parameter);
        }
        return locals;
    }

    private static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return type.getInternalName();
        }
    }
}
