package dev.interleave.instrumentation;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Makes room for one {@code int} local variable of the rewriter's own, right after the method's parameters: every
 * local of the method itself moves up by one slot, and every stack map frame gets the new local. The slot holds what
 * the scheduler needs to know about the frame (whether its scheduling points are live, what to restore when it is
 * left), so that an exception that skips a return can never leave the thread's state behind.
 *
 * <p>Sits between the class reader and the rewriter: the rewriter sees the shifted code and uses {@link #index()}
 * freely. Whether the slot is needed can be decided up to the method's first instruction, once its exception
 * handlers are known ({@link #sawHandlers()}).
 */
final class FrameLocal extends MethodVisitor {

    private final int index;
    private final boolean always;
    private boolean handlers;
    private boolean decided;
    private boolean active;

    /**
     * @param always whether the slot is needed whatever the method's code; otherwise only when it has exception
     *               handlers
     */
    FrameLocal(int access, String descriptor, boolean always) {
        super(OpenedClassReader.ASM_API);
        this.index = (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - ((access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
        this.always = always;
    }

    /** Passes the shifted code on to {@code next}, the rewriter. */
    FrameLocal into(MethodVisitor next) {
        this.mv = next;
        return this;
    }

    /** The slot of the rewriter's local. */
    int index() {
        return index;
    }

    /** Whether the method has the slot; known from its first instruction on. */
    boolean active() {
        decide();
        return active;
    }

    boolean sawHandlers() {
        return handlers;
    }

    private void decide() {
        if (!decided) {
            decided = true;
            active = always || handlers;
        }
    }

    private int shift(int local) {
        return active && local >= index ? local + 1 : local;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        handlers = true;
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        decide();
        if (!active || type != Opcodes.F_NEW) {
            super.visitFrame(type, numLocal, local, numStack, stack);
            return;
        }
        Object[] withSlot = withSlot(local, numLocal);
        super.visitFrame(type, withSlot.length, withSlot, numStack, stack);
    }

    /** {@code local} with the rewriter's int at its slot, padded with TOP where the frame ends earlier. */
    private Object[] withSlot(Object[] local, int numLocal) {
        int entries = 0;
        int slots = 0;
        while (entries < numLocal && slots < index) {
            Object entry = local[entries++];
            slots += entry == Opcodes.LONG || entry == Opcodes.DOUBLE ? 2 : 1;
        }
        int padding = index - slots;
        Object[] result = new Object[numLocal + padding + 1];
        System.arraycopy(local, 0, result, 0, entries);
        for (int i = 0; i < padding; i++) {
            result[entries + i] = Opcodes.TOP;
        }
        result[entries + padding] = Opcodes.INTEGER;
        System.arraycopy(local, entries, result, entries + padding + 1, numLocal - entries);
        return result;
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        decide();
        super.visitVarInsn(opcode, shift(var));
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        decide();
        super.visitIincInsn(shift(var), increment);
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
            int local) {
        super.visitLocalVariable(name, descriptor, signature, start, end, shift(local));
    }

    @Override
    public net.bytebuddy.jar.asm.AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath,
            Label[] start, Label[] end, int[] locals, String descriptor, boolean visible) {
        int[] shifted = new int[locals.length];
        for (int i = 0; i < locals.length; i++) {
            shifted[i] = shift(locals[i]);
        }
        return super.visitLocalVariableAnnotation(typeRef, typePath, start, end, shifted, descriptor, visible);
    }

    // Every other first instruction decides too, so that the rewriter can ask from its first instruction on.

    @Override
    public void visitLabel(Label label) {
        decide();
        super.visitLabel(label);
    }

    @Override
    public void visitInsn(int opcode) {
        decide();
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        decide();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        decide();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        decide();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        decide();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, net.bytebuddy.jar.asm.Handle bootstrap,
            Object... arguments) {
        decide();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        decide();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        decide();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        decide();
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        decide();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        decide();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        decide();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }
}
