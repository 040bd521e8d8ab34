package dev.interleave.instrumentation;

import java.util.ArrayList;
import java.util.List;

import dev.interleave.bridge.Sites;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites one method: a bridge call before every shared field or array access and every monitor operation, and
 * the calls to {@code Object.wait/notify}, {@code Thread.join/sleep/yield/...}, the clock
 * ({@code System.nanoTime/currentTimeMillis}) and identity hashes ({@code System.identityHashCode},
 * {@code hashCode()}, {@code toString()}) replaced by the bridge's twins.
 * Every inserted sequence leaves the operand stack as it found it, so the method's stack map frames stay valid.
 */
final class MethodRewriter extends MethodVisitor {

    private static final String BRIDGE = "dev/interleave/bridge/Bridge";
    private static final String SITE = "I";

    /** How a {@code synchronized} method is handled. */
    enum SynchronizedMode {
        /** Not synchronized. */
        NONE,
        /** Class being loaded: the flag is dropped and the body wrapped in monitorenter/monitorexit. */
        REWRITE,
        /** Class being retransformed: the JVM takes the lock, the scheduler is told after the fact. */
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
    private final MethodInfo method;
    private final SynchronizedMode synchronizedMode;
    private final boolean sharedAccesses;
    private final boolean constructor;
    private boolean superConstructorCalled;
    private int pendingNews;
    private int line;
    private int siteAwaitingLine;
    private final Label bodyStart = new Label();

    /**
     * @param sharedAccesses whether field and array accesses and calls into the JDK's libraries become scheduling
     *                       points too, or only synchronization (for JDK classes that block in monitors)
     */
    MethodRewriter(MethodVisitor next, TypeFacts facts, MethodInfo method, SynchronizedMode synchronizedMode,
            boolean sharedAccesses) {
        super(OpenedClassReader.ASM_API, next);
        this.facts = facts;
        this.method = method;
        this.synchronizedMode = synchronizedMode;
        this.sharedAccesses = sharedAccesses;
        this.constructor = method.name.equals("<init>");
    }

    // ---- synchronized methods -------------------------------------------------------------------------------

    @Override
    public void visitCode() {
        super.visitCode();
        if (synchronizedMode == SynchronizedMode.REWRITE) {
            pushMonitor();
            super.visitInsn(Opcodes.DUP);
            siteAwaitingLine = callBridge("monitorEnter", "(Ljava/lang/Object;I)V",
                    "lock " + synchronizedMethodName());
            super.visitInsn(Opcodes.MONITORENTER);
        } else if (synchronizedMode == SynchronizedMode.OBSERVE) {
            pushMonitor();
            siteAwaitingLine = callBridge("synchronizedMethodEnter", "(Ljava/lang/Object;I)V",
                    "lock " + synchronizedMethodName());
        }
        super.visitLabel(bodyStart);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (synchronizedMode != SynchronizedMode.NONE) {
            Label bodyEnd = new Label();
            Label handler = new Label();
            Label released = new Label();
            super.visitLabel(bodyEnd);
            super.visitLabel(handler);
            if (method.usesStackMapFrames) {
                Object[] locals = parameterFrameTypes();
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            releaseMonitor();
            super.visitLabel(released);
            super.visitInsn(Opcodes.ATHROW);
            // Registered last, so that the method's own handlers keep precedence over this catch-all. Like javac's
            // synchronized blocks, the handler also covers its own release: the JIT compiles only methods whose
            // every path, exceptional ones included, gives the monitor back.
            super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
            super.visitTryCatchBlock(handler, released, handler, null);
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    private void releaseMonitor() {
        pushMonitor();
        if (synchronizedMode == SynchronizedMode.REWRITE) {
            super.visitInsn(Opcodes.DUP);
            callBridge("monitorExit", "(Ljava/lang/Object;I)V", "unlock " + synchronizedMethodName());
            super.visitInsn(Opcodes.MONITOREXIT);
        } else {
            callBridge("synchronizedMethodExit", "(Ljava/lang/Object;I)V", "unlock " + synchronizedMethodName());
        }
    }

    private void pushMonitor() {
        if (method.isStatic()) {
            super.visitLdcInsn(Type.getObjectType(method.owner));
        } else {
            super.visitVarInsn(Opcodes.ALOAD, 0);
        }
    }

    private String synchronizedMethodName() {
        return simpleName(method.owner) + (method.isStatic() ? ".class" : "") + " (synchronized " + method.name + ")";
    }

    private Object[] parameterFrameTypes() {
        List<Object> locals = new ArrayList<>();
        if (!method.isStatic()) {
            locals.add(method.owner);
        }
        for (Type parameter : Type.getArgumentTypes(method.descriptor)) {
            switch (parameter.getSort()) {
                case Type.BOOLEAN:
                case Type.BYTE:
                case Type.CHAR:
                case Type.SHORT:
                case Type.INT:
                    locals.add(Opcodes.INTEGER);
                    break;
                case Type.FLOAT:
                    locals.add(Opcodes.FLOAT);
                    break;
                case Type.LONG:
                    locals.add(Opcodes.LONG);
                    break;
                case Type.DOUBLE:
                    locals.add(Opcodes.DOUBLE);
                    break;
                default:
                    locals.add(parameter.getInternalName());
            }
        }
        return locals.toArray();
    }

    // ---- instructions ---------------------------------------------------------------------------------------

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        if (siteAwaitingLine != 0) {
            Sites.placeOnLine(siteAwaitingLine, line);
            siteAwaitingLine = 0;
        }
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitInsn(int opcode) {
        boolean arrayAccess = opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD
                || opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE;
        if (arrayAccess && !sharedAccesses) {
            super.visitInsn(opcode);
            return;
        }
        switch (opcode) {
            case Opcodes.IALOAD: case Opcodes.LALOAD: case Opcodes.FALOAD: case Opcodes.DALOAD:
            case Opcodes.AALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
                super.visitInsn(Opcodes.DUP2);
                callBridge("arrayRead", "(Ljava/lang/Object;I" + SITE + ")V", "read " + arrayType(opcode));
                break;
            case Opcodes.IASTORE: case Opcodes.FASTORE: case Opcodes.AASTORE: case Opcodes.BASTORE:
            case Opcodes.CASTORE: case Opcodes.SASTORE:
                // [array, index, value] -> [array, index, value, array, index]
                super.visitInsn(Opcodes.DUP_X2);
                super.visitInsn(Opcodes.POP);
                super.visitInsn(Opcodes.DUP2_X1);
                callBridge("arrayWrite", "(Ljava/lang/Object;I" + SITE + ")V", "write " + arrayType(opcode));
                break;
            case Opcodes.LASTORE: case Opcodes.DASTORE:
                // [array, index, wide value] -> [array, index, wide value, array, index]
                super.visitInsn(Opcodes.DUP2_X2);
                super.visitInsn(Opcodes.POP2);
                super.visitInsn(Opcodes.DUP2_X2);
                callBridge("arrayWrite", "(Ljava/lang/Object;I" + SITE + ")V", "write " + arrayType(opcode));
                break;
            case Opcodes.MONITORENTER:
                super.visitInsn(Opcodes.DUP);
                callBridge("monitorEnter", "(Ljava/lang/Object;I)V", "lock");
                break;
            case Opcodes.MONITOREXIT:
                super.visitInsn(Opcodes.DUP);
                callBridge("monitorExit", "(Ljava/lang/Object;I)V", "unlock");
                break;
            case Opcodes.IRETURN: case Opcodes.LRETURN: case Opcodes.FRETURN: case Opcodes.DRETURN:
            case Opcodes.ARETURN: case Opcodes.RETURN:
                if (synchronizedMode != SynchronizedMode.NONE) {
                    releaseMonitor();
                }
                break;
            default:
                break;
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        // A constructor's own fields belong to an object no other thread has seen yet (and before super() is
        // called, 'this' may not even be passed to the bridge).
        boolean skip = !sharedAccesses || facts.isFinalField(owner, name)
                || (constructor && owner.equals(method.owner)
                        && (opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD))
                || (constructor && !superConstructorCalled && opcode == Opcodes.PUTFIELD);
        if (!skip) {
            String field = simpleName(owner) + "." + name;
            boolean wide = descriptor.equals("J") || descriptor.equals("D");
            switch (opcode) {
                case Opcodes.GETFIELD:
                    super.visitInsn(Opcodes.DUP);
                    callBridge("read", "(Ljava/lang/Object;I)V", "read " + field);
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
                    callBridge("write", "(Ljava/lang/Object;I)V", "write " + field);
                    break;
                case Opcodes.GETSTATIC:
                    super.visitInsn(Opcodes.ACONST_NULL);
                    callBridge("read", "(Ljava/lang/Object;I)V", "read " + field);
                    break;
                case Opcodes.PUTSTATIC:
                    super.visitInsn(Opcodes.ACONST_NULL);
                    callBridge("write", "(Ljava/lang/Object;I)V", "write " + field);
                    break;
                default:
                    break;
            }
        }
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (opcode == Opcodes.NEW) {
            pendingNews++;
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        boolean libraryCall = sharedAccesses && isSharedLibraryCall(owner, name);
        if (libraryCall) {
            callBridge("beforeLibraryCall", "(I)V", "call " + simpleName(owner) + "." + name + "()");
        }
        if (!replaceCall(opcode, owner, name, descriptor)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
        if (libraryCall) {
            // Leaves the call's result on the stack as it is. A call that throws skips it: the thread then stays
            // unpreemptible, which explores less but never blocks it behind a lock the JDK kept.
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "afterLibraryCall", "()V", false);
        }
        if (constructor && !superConstructorCalled && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
            if (pendingNews == 0) {
                superConstructorCalled = true;
            } else {
                pendingNews--;
            }
        }
    }

    /**
     * A call into the JDK's collections and {@code java.util.concurrent}: their code is not instrumented, so
     * without a scheduling point at the call a loop that polls one ({@code while (queue.isEmpty())}) would never
     * let another thread run. Utility classes that hold no shared state are left out. A {@code VarHandle} or
     * {@code Unsafe} access (a compare-and-set, a get-and-add, a volatile read or write) is a shared access too.
     */
    private static boolean isSharedLibraryCall(String owner, String name) {
        if (owner.equals("java/lang/invoke/VarHandle")) {
            return isVarHandleAccess(name);
        }
        if (owner.equals("sun/misc/Unsafe") || owner.equals("jdk/internal/misc/Unsafe")) {
            return name.startsWith("compareAnd") || name.startsWith("get") || name.startsWith("put");
        }
        return owner.startsWith("java/util/") && !name.equals("<init>")
                && !owner.startsWith("java/util/function/") && !owner.startsWith("java/util/stream/")
                && !owner.equals("java/util/Objects") && !owner.equals("java/util/Arrays")
                && !owner.equals("java/util/Optional") && !owner.startsWith("java/util/regex/");
    }

    /** The access modes of a {@code VarHandle}, as opposed to its reflective methods ({@code varType()}). */
    private static boolean isVarHandleAccess(String name) {
        return name.startsWith("get") || name.startsWith("set") || name.startsWith("compareAnd")
                || name.startsWith("weakCompareAndSet");
    }

    private boolean replaceCall(int opcode, String owner, String name, String descriptor) {
        boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
        if (replaceDeterministicCall(opcode, virtual, owner, name + descriptor)) {
            return true;
        }
        if (virtual) {
            switch (name + descriptor) {
                case "wait()V":
                case "wait(J)V":
                case "wait(JI)V":
                    return replace("waitOn", "Ljava/lang/Object;", descriptor, "wait");
                case "notify()V":
                    return replace("notifyOne", "Ljava/lang/Object;", descriptor, "notify");
                case "notifyAll()V":
                    return replace("notifyAll", "Ljava/lang/Object;", descriptor, "notifyAll");
                default:
                    break;
            }
        }
        if (virtual && opcode == Opcodes.INVOKEVIRTUAL && facts.isThreadType(owner)) {
            switch (name + descriptor) {
                case "join()V":
                case "join(J)V":
                case "join(JI)V":
                case "join(Ljava/time/Duration;)Z":
                    return replace("join", "Ljava/lang/Thread;", descriptor, "join");
                case "interrupt()V":
                    return replace("interrupt", "Ljava/lang/Thread;", descriptor, "interrupt");
                case "isAlive()Z":
                    return replace("isAlive", "Ljava/lang/Thread;", descriptor, "isAlive");
                default:
                    return false;
            }
        }
        if (opcode == Opcodes.INVOKESTATIC && facts.isThreadType(owner)) {
            switch (name + descriptor) {
                case "sleep(J)V":
                case "sleep(JI)V":
                case "sleep(Ljava/time/Duration;)V":
                    return replace("sleep", "", descriptor, "sleep");
                case "yield()V":
                    return replace("yield", "", descriptor, "yield");
                case "onSpinWait()V":
                    return replace("onSpinWait", "", descriptor, "onSpinWait");
                default:
                    return false;
            }
        }
        return false;
    }

    /**
     * The clock and identity hashes, which a managed thread reads from its schedule so that a seed gives the same
     * values in every JVM. These are no scheduling points, so their bridge twins take no site: the receiver (if
     * any) becomes the only parameter. A virtual {@code hashCode()} or {@code toString()} is replaced whatever its
     * owner, as the receiver's class decides at run time whether it inherits {@code Object}'s; a call to a
     * superclass's method is replaced only where that superclass is {@code Object}, as other owners define their own.
     */
    private boolean replaceDeterministicCall(int opcode, boolean virtual, String owner, String method) {
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")) {
            switch (method) {
                case "nanoTime()J":
                    return redirect("nanoTime", "()J");
                case "currentTimeMillis()J":
                    return redirect("currentTimeMillis", "()J");
                case "identityHashCode(Ljava/lang/Object;)I":
                    return redirect("identityHashCode", "(Ljava/lang/Object;)I");
                default:
                    return false;
            }
        }
        boolean onObject = opcode == Opcodes.INVOKESPECIAL && owner.equals("java/lang/Object");
        if ((!virtual && !onObject) || (virtual && definesOwnObjectMethods(owner))) {
            return false;
        }
        switch (method) {
            case "hashCode()I":
                return redirect(onObject ? "objectHashCode" : "hashCodeOf", "(Ljava/lang/Object;)I");
            case "toString()Ljava/lang/String;":
                return redirect(onObject ? "objectToString" : "toStringOf", "(Ljava/lang/Object;)Ljava/lang/String;");
            default:
                return false;
        }
    }

    /** Final JDK classes that define both {@code hashCode()} and {@code toString()}: no need to ask at run time. */
    private static boolean definesOwnObjectMethods(String owner) {
        switch (owner) {
            case "java/lang/String":
            case "java/lang/Integer":
            case "java/lang/Long":
            case "java/lang/Short":
            case "java/lang/Byte":
            case "java/lang/Character":
            case "java/lang/Boolean":
            case "java/lang/Double":
            case "java/lang/Float":
                return true;
            default:
                return false;
        }
    }

    private boolean redirect(String bridgeMethod, String descriptor) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridgeMethod, descriptor, false);
        return true;
    }

    /** Calls the bridge's twin of a method: the receiver (if any) becomes the first parameter, the site the last. */
    private boolean replace(String bridgeMethod, String receiver, String descriptor, String description) {
        int close = descriptor.indexOf(')');
        String bridgeDescriptor = "(" + receiver + descriptor.substring(1, close) + SITE + descriptor.substring(close);
        callBridge(bridgeMethod, bridgeDescriptor, description);
        return true;
    }

    private int callBridge(String bridgeMethod, String descriptor, String description) {
        int site = Sites.register(method.owner.replace('/', '.'), method.name, method.sourceFile, line, description);
        super.visitLdcInsn(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridgeMethod, descriptor, false);
        return site;
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
