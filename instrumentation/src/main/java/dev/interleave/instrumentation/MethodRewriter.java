package dev.interleave.instrumentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.interleave.bridge.Fields;
import dev.interleave.bridge.Sites;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites one method: a bridge call before every shared field or array access and every monitor operation, marks
 * around calls into the JDK (see {@link CallSites}), and, in application code, the calls to
 * {@code Object.wait/notify}, {@code Thread.join/sleep/yield/...}, the clock and identity hashes replaced by the
 * bridge's twins (see {@link CallReplacements}). Every inserted sequence leaves the operand stack as it found it, so
 * the method's stack map frames stay valid.
 *
 * <p>Explored JDK methods keep what the scheduler needs to know about their frame in a local of their own (see
 * {@link FrameLocal}): set on entry, passed to every hook, handed back on every exit, normal or exceptional.
 * Application methods with exception handlers keep the thread's state on entry there, and restore it in every
 * handler, so that an exception thrown past a call's end mark cannot leave the thread marked as inside the call.
 * A class initializer runs as one step: the JVM holds the class's initialization lock meanwhile.
 */
final class MethodRewriter extends MethodVisitor {

    static final String BRIDGE = "dev/interleave/bridge/Bridge";
    private static final String SITE = "I";

    /** How a {@code synchronized} method is handled. */
    enum SynchronizedMode {
        /** Not synchronized. */
        NONE,
        /**
         * The JVM takes the lock, as the modifier stays (retransformation cannot drop it); the scheduler is told on
         * entry and exit. Rewritten callers let it decide before the call (see {@link #visitMethodInsn}); from any
         * other caller, the scheduler learns of the lock only once it is taken.
         */
        OBSERVE
    }

    /** What the rewriter knows about the method it rewrites. */
    static final class MethodInfo {
        final String owner;
        final String sourceFile;
        final int access;
        final String name;
        final String descriptor;
        final boolean usesStackMapFrames;

        MethodInfo(String owner, String sourceFile, int access, String name, String descriptor,
                boolean usesStackMapFrames) {
            this.owner = owner;
            this.sourceFile = sourceFile;
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
            this.usesStackMapFrames = usesStackMapFrames;
        }

        boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }
    }

    private final TypeFacts facts;
    /** The field the site being registered accesses (see {@link Fields}), while a field instruction is rewritten. */
    private int fieldId;
    private final MethodInfo method;
    private final SynchronizedMode synchronizedMode;
    private final RewriteMode mode;
    private final CallSites callSites;
    private final CallReplacements replacements;
    /** The local of the frame's state; null for the JDK classes of {@link RewriteMode#JDK_MONITORS}. */
    private final FrameLocal frameLocal;
    private final boolean initializer;
    private final boolean constructor;
    private boolean superConstructorCalled;
    private int pendingNews;
    private int line;
    private int siteAwaitingLine;
    /** The site of the step before the library call being rewritten, which its return hook names. */
    private int callSite;
    private boolean started;
    private final Set<Label> handlers = new HashSet<>();
    private boolean restoreBeforeNextInstruction;
    /** The label visited last, while no instruction has followed it yet. */
    private Label labelBefore;
    /**
     * Labels of {@code new} instructions that hooks now precede, with the label that marks the {@code new} itself: a
     * frame's uninitialized type names the {@code new} that made the object by its label.
     */
    private final Map<Label, Label> movedNews = new HashMap<>();
    private final Label bodyStart = new Label();
    /** Where the catch-all handler starts to cover: after {@code super(...)} in a constructor. */
    private Label guardedStart = bodyStart;

    MethodRewriter(MethodVisitor next, TypeFacts facts, MethodInfo method, SynchronizedMode synchronizedMode,
            RewriteMode mode, FrameLocal frameLocal) {
        super(OpenedClassReader.ASM_API, next);
        this.facts = facts;
        this.method = method;
        this.synchronizedMode = synchronizedMode;
        this.mode = mode;
        this.callSites = new CallSites(mode, facts, method.owner);
        this.replacements = new CallReplacements(this::replace, this::redirect, facts, mode);
        this.frameLocal = frameLocal;
        this.initializer = method.name.equals("<clinit>");
        this.constructor = method.name.equals("<init>");
    }

    private boolean explored() {
        return mode == RewriteMode.JDK_EXPLORED;
    }

    /** Whether this method guards its frame: restores the thread's state on every way out. */
    private boolean guardsFrame() {
        return initializer || explored();
    }

    // ---- entry, exits and the catch-all handler -------------------------------------------------------------

    @Override
    public void visitCode() {
        super.visitCode();
        // The prologue waits for the first label or instruction: the exception handlers are known by then
    }

    /**
     * What every way into the method starts with, emitted before its first label or instruction, so that no jump can
     * come back to it, and once the method's exception handlers are known.
     */
    private void prologue() {
        if (started) {
            return;
        }
        started = true;
        if (initializer) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "enterInitializer", "()V", false);
        } else if (explored()) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "enterExplored", "()I", false);
            super.visitVarInsn(Opcodes.ISTORE, frameLocal.index());
        } else if (mode == RewriteMode.APPLICATION && frameLocal.active()) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "frameState", "()I", false);
            super.visitVarInsn(Opcodes.ISTORE, frameLocal.index());
        }
        if (synchronizedMode == SynchronizedMode.OBSERVE) {
            pushMonitor();
            String hook = mode == RewriteMode.APPLICATION ? "methodLockEnter" : "synchronizedMethodEnter";
            siteAwaitingLine = callHook(hook, "(Ljava/lang/Object;I)V", "lock " + synchronizedMethodName());
        }
        super.visitLabel(bodyStart);
        if (constructor && guardsFrame()) {
            guardedStart = null; // set once super(...) has been called
        }
    }

    /** Before the first instruction of an exception handler: the frame's state is restored. */
    private void beforeInstruction() {
        prologue();
        labelBefore = null;
        if (restoreBeforeNextInstruction) {
            restoreBeforeNextInstruction = false;
            if (mode == RewriteMode.APPLICATION && !initializer && frameLocal.active()) {
                super.visitVarInsn(Opcodes.ILOAD, frameLocal.index());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "restoreFrame", "(I)V", false);
            } else if (explored() && !initializer) {
                super.visitVarInsn(Opcodes.ILOAD, frameLocal.index());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "restoreExplored", "(I)V", false);
            }
        }
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        handlers.add(handler);
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
        prologue();
        super.visitLabel(label);
        labelBefore = label;
        if (handlers.contains(label)) {
            restoreBeforeNextInstruction = true; // after the handler's frame, which follows its label
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        boolean catchAll = synchronizedMode != SynchronizedMode.NONE || guardsFrame();
        if (catchAll && guardedStart != null) {
            Label bodyEnd = new Label();
            Label handler = new Label();
            Label released = new Label();
            super.visitLabel(bodyEnd);
            super.visitLabel(handler);
            if (method.usesStackMapFrames) {
                Object[] locals = handlerFrameLocals();
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            if (synchronizedMode != SynchronizedMode.NONE) {
                releaseMonitor();
            }
            super.visitLabel(released);
            leaveFrame();
            super.visitInsn(Opcodes.ATHROW);
            // Registered last, so that the method's own handlers keep precedence over this catch-all. Like javac's
            // synchronized blocks, the handler also covers its own release: the JIT compiles only methods whose
            // every path, exceptional ones included, gives the monitor back.
            super.visitTryCatchBlock(guardedStart, bodyEnd, handler, null);
            if (synchronizedMode != SynchronizedMode.NONE) {
                super.visitTryCatchBlock(handler, released, handler, null);
            }
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    /**
     * The catch-all handler's locals: {@code this} where it releases the method's monitor, the frame's state where
     * it hands it back, TOP for everything else, which is valid wherever the handler may be entered from.
     */
    private Object[] handlerFrameLocals() {
        List<Object> locals = new ArrayList<>();
        if (!method.isStatic()) {
            locals.add(synchronizedMode != SynchronizedMode.NONE ? method.owner : Opcodes.TOP);
        }
        for (Type parameter : Type.getArgumentTypes(method.descriptor)) {
            locals.add(Opcodes.TOP);
            if (parameter.getSize() == 2) {
                locals.add(Opcodes.TOP);
            }
        }
        if (frameLocal != null && frameLocal.active()) {
            locals.add(Opcodes.INTEGER);
        }
        return locals.toArray();
    }

    /** Hands the frame's state back to the thread, on a return or on the way out with an exception. */
    private void leaveFrame() {
        if (initializer) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "exitInitializer", "()V", false);
        } else if (explored()) {
            super.visitVarInsn(Opcodes.ILOAD, frameLocal.index());
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "exitExplored", "(I)V", false);
        }
    }

    private void releaseMonitor() {
        pushMonitor();
        String hook = mode == RewriteMode.APPLICATION ? "methodLockExit" : "synchronizedMethodExit";
        callHook(hook, "(Ljava/lang/Object;I)V", "unlock " + synchronizedMethodName());
    }

    private void pushMonitor() {
        if (method.isStatic()) {
            super.visitLdcInsn(Type.getObjectType(method.owner));
        } else {
            super.visitVarInsn(Opcodes.ALOAD, 0);
        }
    }

    private String synchronizedMethodName() {
        return synchronizedMethodName(method.owner, method.isStatic(), method.name);
    }

    private static String synchronizedMethodName(String owner, boolean isStatic, String name) {
        return simpleName(owner) + (isStatic ? ".class" : "") + " (synchronized " + name + ")";
    }

    // ---- instructions ---------------------------------------------------------------------------------------

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        prologue();
        super.visitFrame(type, numLocal, movedNews(local, numLocal), numStack, movedNews(stack, numStack));
    }

    private Object[] movedNews(Object[] types, int count) {
        if (movedNews.isEmpty() || types == null) {
            return types;
        }
        Object[] result = null;
        for (int i = 0; i < count; i++) {
            Label moved = types[i] instanceof Label ? movedNews.get(types[i]) : null;
            if (moved != null) {
                if (result == null) {
                    result = types.clone();
                }
                result[i] = moved;
            }
        }
        return result == null ? types : result;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        prologue();
        this.line = line;
        if (siteAwaitingLine != 0) {
            Sites.placeOnLine(siteAwaitingLine, line);
            siteAwaitingLine = 0;
        }
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitInsn(int opcode) {
        beforeInstruction();
        if (initializer) {
            if (opcode == Opcodes.RETURN) {
                leaveFrame();
            }
            super.visitInsn(opcode);
            return;
        }
        boolean arrayAccess = opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD
                || opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE;
        if (arrayAccess && mode == RewriteMode.JDK_MONITORS) {
            super.visitInsn(opcode);
            return;
        }
        switch (opcode) {
            case Opcodes.IALOAD: case Opcodes.LALOAD: case Opcodes.FALOAD: case Opcodes.DALOAD:
            case Opcodes.AALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
                super.visitInsn(Opcodes.DUP2);
                callHook("arrayRead", "(Ljava/lang/Object;I" + SITE + ")V", "read " + arrayType(opcode));
                break;
            case Opcodes.IASTORE: case Opcodes.FASTORE: case Opcodes.AASTORE: case Opcodes.BASTORE:
            case Opcodes.CASTORE: case Opcodes.SASTORE:
                // [array, index, value] -> [array, index, value, array, index]
                super.visitInsn(Opcodes.DUP_X2);
                super.visitInsn(Opcodes.POP);
                super.visitInsn(Opcodes.DUP2_X1);
                callHook("arrayWrite", "(Ljava/lang/Object;I" + SITE + ")V", "write " + arrayType(opcode));
                break;
            case Opcodes.LASTORE: case Opcodes.DASTORE:
                // [array, index, wide value] -> [array, index, wide value, array, index]
                super.visitInsn(Opcodes.DUP2_X2);
                super.visitInsn(Opcodes.POP2);
                super.visitInsn(Opcodes.DUP2_X2);
                callHook("arrayWrite", "(Ljava/lang/Object;I" + SITE + ")V", "write " + arrayType(opcode));
                break;
            case Opcodes.MONITORENTER:
                super.visitInsn(Opcodes.DUP);
                callHook("monitorEnter", "(Ljava/lang/Object;I)V", "lock");
                break;
            case Opcodes.MONITOREXIT:
                super.visitInsn(Opcodes.DUP);
                callHook("monitorExit", "(Ljava/lang/Object;I)V", "unlock");
                break;
            case Opcodes.IRETURN: case Opcodes.LRETURN: case Opcodes.FRETURN: case Opcodes.DRETURN:
            case Opcodes.ARETURN: case Opcodes.RETURN:
                if (synchronizedMode != SynchronizedMode.NONE) {
                    releaseMonitor();
                }
                leaveFrame();
                break;
            default:
                break;
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        beforeInstruction();
        if (initializer) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            return;
        }
        boolean isStatic = opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC;
        if (isStatic) {
            beforeInitialization(owner);
        }
        CallSites.Kind initialization = isStatic ? callSites.ofInitialization(owner) : CallSites.Kind.NONE;
        // A constructor's own fields belong to an object no other thread has seen yet (and before super() is
        // called, 'this' may not even be passed to the bridge).
        boolean skip = mode == RewriteMode.JDK_MONITORS || facts.isFinalField(owner, name)
                || (constructor && owner.equals(method.owner)
                        && (opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD))
                || (constructor && !superConstructorCalled && opcode == Opcodes.PUTFIELD);
        if (!skip) {
            String field = simpleName(owner) + "." + name;
            fieldId = Fields.id(facts.declaringClass(owner, name), name);
            boolean wide = descriptor.equals("J") || descriptor.equals("D");
            switch (opcode) {
                case Opcodes.GETFIELD:
                    super.visitInsn(Opcodes.DUP);
                    callHook("read", "(Ljava/lang/Object;I)V", "read " + field);
                    break;
                case Opcodes.PUTFIELD:
                    if (wide) { // [object, wide value] -> [object, wide value, object]
                        super.visitInsn(Opcodes.DUP2_X1);
                        super.visitInsn(Opcodes.POP2);
                        super.visitInsn(Opcodes.DUP_X2);
                    } else { // [object, value] -> [object, value, object]
                        super.visitInsn(Opcodes.DUP_X1);
                        super.visitInsn(Opcodes.POP);
                        super.visitInsn(Opcodes.DUP_X1);
                    }
                    callHook("write", "(Ljava/lang/Object;I)V", "write " + field);
                    break;
                case Opcodes.GETSTATIC:
                    super.visitInsn(Opcodes.ACONST_NULL);
                    callHook("read", "(Ljava/lang/Object;I)V", "read " + field);
                    break;
                case Opcodes.PUTSTATIC:
                    super.visitInsn(Opcodes.ACONST_NULL);
                    callHook("write", "(Ljava/lang/Object;I)V", "write " + field);
                    break;
                default:
                    break;
            }
            fieldId = 0;
        }
        beforeCall(initialization, null);
        super.visitFieldInsn(opcode, owner, name, descriptor);
        afterCall(initialization);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        Label atNew = labelBefore;
        beforeInstruction();
        if (opcode == Opcodes.NEW) {
            beforeInitialization(type);
            pendingNews++;
            CallSites.Kind initialization = initializer ? CallSites.Kind.NONE : callSites.ofInitialization(type);
            beforeCall(initialization, null);
            if (atNew != null) {
                // Jumps to the label still reach the hooks above; frames must name the new instruction itself
                Label moved = new Label();
                super.visitLabel(moved);
                movedNews.put(atNew, moved);
            }
            super.visitTypeInsn(opcode, type);
            afterCall(initialization);
            return;
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        beforeInstruction();
        if (opcode == Opcodes.INVOKESTATIC) {
            beforeInitialization(owner);
        }
        CallSites.Kind kind = initializer ? CallSites.Kind.NONE : callSites.ofCall(opcode, owner, name, isInterface);
        if (mode == RewriteMode.APPLICATION && !initializer) {
            beforeSynchronizedCall(opcode, owner, name, descriptor);
        }
        beforeCall(kind, simpleName(owner) + "." + name + "()", opcode, descriptor);
        if (initializer || !replacements.replace(opcode, owner, name, descriptor)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
        if (returnsBoolean(kind, descriptor)) {
            // what the call returned goes to the trace of a schedule that is shown (a compareAndSet that failed)
            super.visitInsn(Opcodes.DUP);
            super.visitLdcInsn(callSite);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "afterLibraryCall", "(ZI)V", false);
        } else {
            afterCall(kind);
        }
        if (constructor && !superConstructorCalled && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
            if (pendingNews == 0) {
                superConstructorCalled = true;
                if (guardedStart == null) {
                    guardedStart = new Label();
                    super.visitLabel(guardedStart);
                }
            } else {
                pendingNews--;
            }
        }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        beforeInstruction();
        // Linking a call site runs the JDK's bootstrap code, which spins classes under locks of its own
        CallSites.Kind kind = explored() && !initializer ? CallSites.Kind.OPAQUE : CallSites.Kind.NONE;
        beforeCall(kind, null);
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        afterCall(kind);
    }

    /**
     * Before an instruction that initializes {@code owner}, another application class, unless it is initialized
     * already ({@code new}, a static field, a static method): the scheduler models the JVM's initialization lock of
     * the class there, before the JVM would block the thread on it. A class initializer has none: the classes it
     * touches are read from its class file (see {@link InitializerTouches}). Class files older than Java 6 cannot
     * load a class constant, and go without.
     */
    private void beforeInitialization(String owner) {
        if (mode != RewriteMode.APPLICATION || initializer || !method.usesStackMapFrames
                || owner.equals(method.owner) || owner.startsWith("[")
                || !InstrumentationScope.isApplicationType(owner.replace('/', '.'))) {
            return;
        }
        super.visitLdcInsn(Type.getObjectType(owner));
        callBridge("beforeInitialization", "(Ljava/lang/Class;I)V", "initialize " + simpleName(owner));
    }

    /**
     * Before a call that resolves to a {@code synchronized} method of an application class: the scheduling point at
     * which the scheduler decides whether this thread may take the method's lock, with the lock as the pending
     * operation (the thread is blocked while another managed thread holds it). The method's entry hook then records
     * the lock as taken. Left out where the monitor cannot be had cheaply here (a receiver under three or more
     * argument slots, a static method inherited from a class this code may not name): that entry decides nothing
     * and the method runs as one step, as it does for callers that are not rewritten.
     */
    private void beforeSynchronizedCall(int opcode, String owner, String name, String descriptor) {
        boolean isStatic = opcode == Opcodes.INVOKESTATIC;
        if (opcode == Opcodes.INVOKEINTERFACE || name.startsWith("<") || owner.startsWith("[")
                || !InstrumentationScope.isApplicationType(owner.replace('/', '.'))) {
            return;
        }
        String declarer = facts.synchronizedDeclarer(owner, name, descriptor);
        if (declarer == null) {
            return;
        }
        if (isStatic) {
            if (!declarer.equals(owner) || !method.usesStackMapFrames) {
                return;
            }
            super.visitLdcInsn(Type.getObjectType(owner));
        } else {
            if ((Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 1 > 2) {
                return;
            }
            pushReceiver(opcode, descriptor);
        }
        callBridge("beforeSynchronizedCall", "(Ljava/lang/Object;I)V",
                "lock " + synchronizedMethodName(declarer, isStatic, name));
    }

    /** The mark before a class-initializing instruction of {@code kind}; see {@link CallSites}. */
    private void beforeCall(CallSites.Kind kind, String callee) {
        beforeCall(kind, callee, Opcodes.INVOKESTATIC, null);
    }

    /** Whether a call of {@code kind} is a step of its own whose boolean result the bridge hears of. */
    private static boolean returnsBoolean(CallSites.Kind kind, String descriptor) {
        return (kind == CallSites.Kind.SHARED || kind == CallSites.Kind.DIRECT
                || kind == CallSites.Kind.SHARED_OPAQUE) && Type.getReturnType(descriptor) == Type.BOOLEAN_TYPE;
    }

    /** The mark before a call of {@code kind}; see {@link CallSites}. */
    private void beforeCall(CallSites.Kind kind, String callee, int opcode, String descriptor) {
        switch (kind) {
            case SHARED:
                pushReceiver(opcode, descriptor);
                callSite = callBridge("beforeLibraryCall", "(Ljava/lang/Object;I)V", "call " + callee);
                break;
            case DIRECT:
                pushReceiver(opcode, descriptor);
                callSite = callBridge("beforeDirectCall", "(Ljava/lang/Object;I)V", "call " + callee);
                break;
            case SHARED_OPAQUE:
                callSite = callBridge("beforeOpaqueLibraryCall", "(I)V", "call " + callee);
                break;
            case QUIET:
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "beforeQuietCall", "()V", false);
                break;
            case OPAQUE:
                super.visitVarInsn(Opcodes.ILOAD, frameLocal.index());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "beforeOpaqueCall", "(I)V", false);
                break;
            case CALLBACK:
                super.visitLdcInsn(register("call " + callee));
                super.visitVarInsn(Opcodes.ILOAD, frameLocal.index());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "beforeCallback", "(II)V", false);
                break;
            default:
                break;
        }
    }

    /**
     * Pushes a copy of the receiver of the call about to be made, which lies under its arguments, or null where there
     * is none or where reaching it would take more than shuffling the stack (three arguments or more): the scheduler
     * then assumes the call may touch anything.
     */
    private void pushReceiver(int opcode, String descriptor) {
        if (opcode == Opcodes.INVOKESTATIC || descriptor == null) {
            super.visitInsn(Opcodes.ACONST_NULL);
            return;
        }
        int size = (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 1; // the arguments' slots, less "this"
        if (size == 0) {
            super.visitInsn(Opcodes.DUP); // receiver -> receiver receiver
        } else if (size == 1) {
            super.visitInsn(Opcodes.DUP2); // receiver a -> receiver a receiver a
            super.visitInsn(Opcodes.POP);
        } else if (size == 2) {
            // receiver a b (or receiver w, one wide value) -> a b receiver a b -> a b receiver -> receiver a b receiver
            super.visitInsn(Opcodes.DUP2_X1);
            super.visitInsn(Opcodes.POP2);
            super.visitInsn(Opcodes.DUP_X2);
        } else {
            super.visitInsn(Opcodes.ACONST_NULL);
        }
    }

    /**
     * The mark after a call of {@code kind}, which leaves the call's result on the stack as it is. A call that throws
     * skips it: the handler that catches the exception, or the catch-all of an explored frame, restores the state.
     */
    private void afterCall(CallSites.Kind kind) {
        switch (kind) {
            case SHARED:
            case DIRECT:
            case SHARED_OPAQUE:
            case QUIET:
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "afterLibraryCall", "()V", false);
                break;
            case OPAQUE:
                super.visitVarInsn(Opcodes.ILOAD, frameLocal.index());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "afterOpaqueCall", "(I)V", false);
                break;
            case CALLBACK:
                super.visitVarInsn(Opcodes.ILOAD, frameLocal.index());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "afterCallback", "(I)V", false);
                break;
            default:
                break;
        }
    }

    // Every other instruction may be a handler's first.

    @Override
    public void visitVarInsn(int opcode, int var) {
        beforeInstruction();
        super.visitVarInsn(opcode, var);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        beforeInstruction();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        beforeInstruction();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        beforeInstruction();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        beforeInstruction();
        super.visitIincInsn(var, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        beforeInstruction();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        beforeInstruction();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        beforeInstruction();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    // ---- bridge calls ---------------------------------------------------------------------------------------

    /**
     * A hook of a shared access or a monitor: in explored code, its {@code jdk...} twin, which also takes the frame's
     * state, so that it costs a threads no test manages (and operations no test called) a test of a local only.
     */
    private int callHook(String bridgeMethod, String descriptor, String description) {
        if (!explored()) {
            return callBridge(bridgeMethod, descriptor, description);
        }
        int site = register(description);
        super.visitLdcInsn(site);
        super.visitVarInsn(Opcodes.ILOAD, frameLocal.index());
        String name = "jdk" + Character.toUpperCase(bridgeMethod.charAt(0)) + bridgeMethod.substring(1);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, name, descriptor.replace(")V", "I)V"), false);
        return site;
    }

    private void redirect(String bridgeMethod, String descriptor) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridgeMethod, descriptor, false);
    }

    /** Calls the bridge's twin of a method: the receiver (if any) becomes the first parameter, the site the last. */
    private void replace(String bridgeMethod, String receiver, String descriptor, String description) {
        int close = descriptor.indexOf(')');
        String bridgeDescriptor = "(" + receiver + descriptor.substring(1, close) + SITE + descriptor.substring(close);
        callBridge(bridgeMethod, bridgeDescriptor, description);
    }

    private int callBridge(String bridgeMethod, String descriptor, String description) {
        int site = register(description);
        super.visitLdcInsn(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridgeMethod, descriptor, false);
        return site;
    }

    private int register(String description) {
        return Sites.register(method.owner.replace('/', '.'), method.name, method.sourceFile, line, description,
                fieldId);
    }

    private static String arrayType(int opcode) {
        switch (opcode) {
            case Opcodes.IALOAD: case Opcodes.IASTORE: return "int[]";
            case Opcodes.LALOAD: case Opcodes.LASTORE: return "long[]";
            case Opcodes.FALOAD: case Opcodes.FASTORE: return "float[]";
            case Opcodes.DALOAD: case Opcodes.DASTORE: return "double[]";
            case Opcodes.BALOAD: case Opcodes.BASTORE: return "byte[]";
            case Opcodes.CALOAD: case Opcodes.CASTORE: return "char[]";
            case Opcodes.SALOAD: case Opcodes.SASTORE: return "short[]";
            default: return "Object[]";
        }
    }

    static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
    }
}
