package dev.interleave.instrumentation;

import net.bytebuddy.jar.asm.Opcodes;

/**
 * How a call (or a class-initializing instruction) in rewritten code is marked, so that the scheduler knows at every
 * scheduling point whether the thread may be switched away: never while code it cannot see is in the middle of an
 * operation, since that code may hold a lock of its own, and always inside the explored JDK classes' operations that
 * application code called.
 */
final class CallSites {

    /** The marks around one call. */
    enum Kind {
        /** No mark: application code, or a pure JDK class. */
        NONE,
        /**
         * From application code into the JDK's collections or {@code java.util.concurrent} (or a {@code VarHandle} or
         * {@code Unsafe} access): a scheduling point before, then the call runs as one step, unless its target turns
         * out to be an explored class that application code called directly.
         */
        SHARED,
        /** From application code into a concrete explored class: a scheduling point, and the target is explored. */
        DIRECT,
        /**
         * From application code into the JDK's collections, where the target is not explored (a static factory): a
         * scheduling point before, then the call runs as one step.
         */
        SHARED_OPAQUE,
        /** From application code into a JDK class that takes a lock while it calls back: runs as one step. */
        QUIET,
        /** From explored code into an opaque JDK class: runs as one step, callbacks included. */
        OPAQUE,
        /**
         * From explored code through an interface or {@code Object}'s methods, whose target may be application code:
         * that code is application code again, and explored code it reaches is explored only when called directly.
         */
        CALLBACK
    }

    private final RewriteMode mode;
    private final TypeFacts facts;
    /** The class whose code makes the calls. */
    private final String caller;

    CallSites(RewriteMode mode, TypeFacts facts, String caller) {
        this.mode = mode;
        this.facts = facts;
        this.caller = caller;
    }

    Kind ofCall(int opcode, String owner, String name, boolean isInterface) {
        switch (mode) {
            case APPLICATION:
                return fromApplication(opcode, owner, name, isInterface);
            case JDK_EXPLORED:
                return fromExplored(opcode, owner, name, isInterface);
            default:
                return Kind.NONE;
        }
    }

    /** A {@code new} or static field access, which may run a class initializer. */
    Kind ofInitialization(String owner) {
        return mode == RewriteMode.JDK_EXPLORED && isOpaque(owner) ? Kind.OPAQUE : Kind.NONE;
    }

    private Kind fromApplication(int opcode, String owner, String name, boolean isInterface) {
        if (owner.equals("java/lang/invoke/VarHandle")) {
            return isVarHandleAccess(name) ? Kind.SHARED : Kind.NONE;
        }
        if (owner.equals("sun/misc/Unsafe") || owner.equals("jdk/internal/misc/Unsafe")) {
            return name.startsWith("compareAnd") || name.startsWith("get") || name.startsWith("put")
                    ? Kind.SHARED : Kind.NONE;
        }
        if (!JdkScope.isJdk(owner) || owner.startsWith("[")) {
            return Kind.NONE;
        }
        boolean constructor = name.equals("<init>");
        if (JdkScope.isExplored(owner)) {
            if (constructor) {
                return Kind.NONE; // an object no other thread has seen; its constructor runs as one step
            }
            if (opcode == Opcodes.INVOKESTATIC) {
                return JdkScope.exploresStaticMethods(owner) ? Kind.DIRECT : Kind.SHARED_OPAQUE;
            }
            return opcode == Opcodes.INVOKESPECIAL || !isInterface && !facts.isAbstract(owner)
                    ? Kind.DIRECT : Kind.SHARED;
        }
        if (constructor || JdkScope.isPure(owner)) {
            return Kind.NONE;
        }
        if (owner.startsWith("java/util/")) {
            return Kind.SHARED;
        }
        return takesLockAroundCallbacks(owner) ? Kind.QUIET : Kind.NONE;
    }

    private Kind fromExplored(int opcode, String owner, String name, boolean isInterface) {
        if (owner.startsWith("[")) {
            return Kind.NONE;
        }
        if (JdkScope.isExplored(owner)) {
            boolean factory = opcode == Opcodes.INVOKESTATIC && !JdkScope.sameNest(owner, caller)
                    && !JdkScope.exploresStaticMethods(owner);
            return factory ? Kind.OPAQUE : Kind.NONE;
        }
        if (opcode == Opcodes.INVOKEINTERFACE || isInterface && opcode != Opcodes.INVOKESTATIC) {
            return Kind.CALLBACK;
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Object")
                && (name.equals("hashCode") || name.equals("equals") || name.equals("toString"))) {
            return Kind.CALLBACK;
        }
        return isOpaque(owner) ? Kind.OPAQUE : Kind.NONE;
    }

    private static boolean isOpaque(String owner) {
        return JdkScope.isJdk(owner) && !JdkScope.isExplored(owner) && !JdkScope.isPure(owner);
    }

    /**
     * JDK classes that application code calls and that hold a monitor while they call back into it: a switch in
     * the callback ({@code toString()} of an argument to {@code printf}) would leave another thread blocked in the
     * JVM. Class loading runs class initializers under the JVM's own lock.
     */
    private static boolean takesLockAroundCallbacks(String owner) {
        return owner.equals("java/io/PrintStream") || owner.equals("java/io/PrintWriter")
                || owner.equals("java/lang/StringBuffer") || owner.equals("java/lang/Class")
                || owner.equals("java/lang/ClassLoader");
    }

    /** The access modes of a {@code VarHandle}, as opposed to its reflective methods ({@code varType()}). */
    private static boolean isVarHandleAccess(String name) {
        return name.startsWith("get") || name.startsWith("set") || name.startsWith("compareAnd")
                || name.startsWith("weakCompareAndSet");
    }
}
