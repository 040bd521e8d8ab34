package dev.interleave.instrumentation;

import net.bytebuddy.jar.asm.Opcodes;

/**
 * The calls that the rewriter replaces by the bridge's twins: {@code Object.wait/notify/notifyAll} and
 * {@code Thread.join/sleep/yield/onSpinWait/interrupt/isAlive}, which the scheduler models, {@code System.exit},
 * {@code Runtime.exit} and {@code Runtime.halt}, which a managed thread must not reach, and the clock and identity
 * hashes, which a managed thread reads from its schedule so that a seed gives the same values in every JVM.
 * Explored JDK code gets the clock only: its identity hashes must stay the JVM's, which the JDK's own tables were
 * built with.
 */
final class CallReplacements {

    /** Emits a call of the bridge's twin that takes the receiver first and the site last. */
    interface Twin {
        void call(String bridgeMethod, String receiver, String descriptor, String description);
    }

    /** Emits a call of a bridge method with exactly the given descriptor. */
    interface Redirect {
        void call(String bridgeMethod, String descriptor);
    }

    private final Twin twin;
    private final Redirect redirect;
    private final TypeFacts facts;
    private final RewriteMode mode;

    CallReplacements(Twin twin, Redirect redirect, TypeFacts facts, RewriteMode mode) {
        this.twin = twin;
        this.redirect = redirect;
        this.facts = facts;
        this.mode = mode;
    }

    /** Emits the replacement of the call, if it has one; returns whether it did. */
    boolean replace(int opcode, String owner, String name, String descriptor) {
        if (mode == RewriteMode.JDK_EXPLORED) {
            return replaceClock(opcode, owner, name + descriptor);
        }
        boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
        if (replaceDeterministicCall(opcode, virtual, owner, name + descriptor) || replaceExit(opcode, owner,
                name + descriptor)) {
            return true;
        }
        if (virtual) {
            switch (name + descriptor) {
                case "wait()V":
                case "wait(J)V":
                case "wait(JI)V":
                    return emit("waitOn", "Ljava/lang/Object;", descriptor, "wait");
                case "notify()V":
                    return emit("notifyOne", "Ljava/lang/Object;", descriptor, "notify");
                case "notifyAll()V":
                    return emit("notifyAll", "Ljava/lang/Object;", descriptor, "notifyAll");
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
                    return emit("join", "Ljava/lang/Thread;", descriptor, "join");
                case "interrupt()V":
                    return emit("interrupt", "Ljava/lang/Thread;", descriptor, "interrupt");
                case "isAlive()Z":
                    return emit("isAlive", "Ljava/lang/Thread;", descriptor, "isAlive");
                default:
                    return false;
            }
        }
        if (opcode == Opcodes.INVOKESTATIC && facts.isThreadType(owner)) {
            switch (name + descriptor) {
                case "sleep(J)V":
                case "sleep(JI)V":
                case "sleep(Ljava/time/Duration;)V":
                    return emit("sleep", "", descriptor, "sleep");
                case "yield()V":
                    return emit("yield", "", descriptor, "yield");
                case "onSpinWait()V":
                    return emit("onSpinWait", "", descriptor, "onSpinWait");
                default:
                    return false;
            }
        }
        return false;
    }

    private boolean emit(String bridgeMethod, String receiver, String descriptor, String description) {
        twin.call(bridgeMethod, receiver, descriptor, description);
        return true;
    }

    /** {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}: a managed thread must not end the JVM. */
    private boolean replaceExit(int opcode, String owner, String method) {
        if (!method.equals("exit(I)V") && !method.equals("halt(I)V")) {
            return false;
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && method.equals("exit(I)V")) {
            redirect.call("exit", "(I)V");
            return true;
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")) {
            redirect.call(method.startsWith("exit") ? "runtimeExit" : "runtimeHalt", "(Ljava/lang/Runtime;I)V");
            return true;
        }
        return false;
    }

    private boolean replaceClock(int opcode, String owner, String method) {
        if (opcode != Opcodes.INVOKESTATIC || !owner.equals("java/lang/System")) {
            return false;
        }
        switch (method) {
            case "nanoTime()J":
                redirect.call("nanoTime", "()J");
                return true;
            case "currentTimeMillis()J":
                redirect.call("currentTimeMillis", "()J");
                return true;
            default:
                return false;
        }
    }

    /**
     * The clock and identity hashes. These are no scheduling points, so their bridge twins take no site: the receiver
     * (if any) becomes the only parameter. A virtual {@code hashCode()} or {@code toString()} is replaced whatever its
     * owner, as the receiver's class decides at run time whether it inherits {@code Object}'s; a call to a
     * superclass's method is replaced only where that superclass is {@code Object}, as other owners define their own.
     */
    private boolean replaceDeterministicCall(int opcode, boolean virtual, String owner, String method) {
        if (replaceClock(opcode, owner, method)) {
            return true;
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
                && method.equals("identityHashCode(Ljava/lang/Object;)I")) {
            redirect.call("identityHashCode", "(Ljava/lang/Object;)I");
            return true;
        }
        boolean onObject = opcode == Opcodes.INVOKESPECIAL && owner.equals("java/lang/Object");
        if ((!virtual && !onObject) || (virtual && definesOwnObjectMethods(owner))) {
            return false;
        }
        switch (method) {
            case "hashCode()I":
                redirect.call(onObject ? "objectHashCode" : "hashCodeOf", "(Ljava/lang/Object;)I");
                return true;
            case "toString()Ljava/lang/String;":
                redirect.call(onObject ? "objectToString" : "toStringOf", "(Ljava/lang/Object;)Ljava/lang/String;");
                return true;
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
}
