package dev.interleave.instrumentation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

import static net.bytebuddy.matcher.ElementMatchers.hasDescriptor;
import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * What the rewriter needs to know about the types an instruction names, answered from class files (never by
 * loading a class) and remembered per class loader's type pool.
 */
final class TypeFacts {

    private final TypePool pool;
    private final Map<String, Boolean> finalFields = new ConcurrentHashMap<>();
    private final Map<String, Boolean> threadTypes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> abstractTypes = new ConcurrentHashMap<>();
    private final Map<String, String> synchronizedDeclarers = new ConcurrentHashMap<>();
    private final Map<String, String> declaringClasses = new ConcurrentHashMap<>();

    TypeFacts(TypePool pool) {
        this.pool = pool;
    }

    /** Whether {@code owner.name} is a final field; an unresolvable field counts as shared state. */
    boolean isFinalField(String ownerInternalName, String fieldName) {
        return finalFields.computeIfAbsent(ownerInternalName + '.' + fieldName,
                key -> lookUpFinal(ownerInternalName, fieldName));
    }

    /**
     * The binary name of the class or interface that declares the field {@code name} that an instruction naming
     * {@code ownerInternalName} as the field's owner reaches: the owner, one of its superclasses, or an interface
     * they implement, as the JVM resolves a field. An unresolvable one is taken as declared by the owner.
     */
    String declaringClass(String ownerInternalName, String fieldName) {
        return declaringClasses.computeIfAbsent(ownerInternalName + '.' + fieldName,
                key -> lookUpDeclaringClass(ownerInternalName, fieldName));
    }

    /** Whether the internal name denotes {@code java.lang.Thread} or a subclass of it. */
    boolean isThreadType(String internalName) {
        if (internalName.equals("java/lang/Thread")) {
            return true;
        }
        if (internalName.startsWith("[")) {
            return false;
        }
        return threadTypes.computeIfAbsent(internalName, name -> {
            TypePool.Resolution resolution = pool.describe(name.replace('/', '.'));
            return resolution.isResolved() && isThread(resolution.resolve());
        });
    }

    /**
     * Whether {@code internalName} is an interface or an abstract class, whose methods may be implemented by classes
     * of any kind; an unresolvable type counts as one.
     */
    boolean isAbstract(String internalName) {
        return abstractTypes.computeIfAbsent(internalName, name -> {
            TypePool.Resolution resolution = pool.describe(name.replace('/', '.'));
            return !resolution.isResolved() || resolution.resolve().isAbstract();
        });
    }

    /**
     * The class declaring the method that a call of {@code owner.name descriptor} resolves to, as the JVM resolves
     * it (the owner, then its superclasses), when that method is {@code synchronized}; null when it is not, or
     * cannot be resolved. Says nothing of an override that a virtual call may dispatch to.
     */
    String synchronizedDeclarer(String ownerInternalName, String name, String descriptor) {
        String declarer = synchronizedDeclarers.computeIfAbsent(ownerInternalName + '.' + name + descriptor,
                key -> lookUpSynchronized(ownerInternalName, name, descriptor));
        return declarer.isEmpty() ? null : declarer;
    }

    private String lookUpSynchronized(String ownerInternalName, String name, String descriptor) {
        TypePool.Resolution resolution = pool.describe(ownerInternalName.replace('/', '.'));
        if (!resolution.isResolved()) {
            return "";
        }
        try {
            for (TypeDefinition current = resolution.resolve(); current != null; ) {
                MethodList<MethodDescription.InDefinedShape> methods = current.asErasure().getDeclaredMethods()
                        .filter(named(name).and(hasDescriptor(descriptor)));
                if (!methods.isEmpty()) {
                    MethodDescription.InDefinedShape method = methods.getOnly();
                    return method.isSynchronized() && !method.isAbstract()
                            ? current.asErasure().getInternalName() : "";
                }
                TypeDescription.Generic superClass = current.getSuperClass();
                current = superClass == null ? null : superClass.asErasure();
            }
        } catch (RuntimeException unresolvableHierarchy) {
            return "";
        }
        return "";
    }

    static boolean isThread(TypeDescription type) {
        for (TypeDefinition current = type; current != null; ) {
            if (current.asErasure().getName().equals("java.lang.Thread")) {
                return true;
            }
            TypeDescription.Generic superClass = current.getSuperClass();
            current = superClass == null ? null : superClass.asErasure();
        }
        return false;
    }

    private boolean lookUpFinal(String ownerInternalName, String fieldName) {
        if (ownerInternalName.startsWith("[")) {
            return false;
        }
        TypePool.Resolution resolution = pool.describe(ownerInternalName.replace('/', '.'));
        if (!resolution.isResolved()) {
            return false;
        }
        try {
            return findFinal(resolution.resolve(), fieldName);
        } catch (RuntimeException unresolvableHierarchy) {
            return false;
        }
    }

    private String lookUpDeclaringClass(String ownerInternalName, String fieldName) {
        String owner = ownerInternalName.replace('/', '.');
        TypePool.Resolution resolution = pool.describe(owner);
        if (!resolution.isResolved()) {
            return owner;
        }
        try {
            TypeDescription declaring = findDeclaring(resolution.resolve(), fieldName);
            return declaring == null ? owner : declaring.getName();
        } catch (RuntimeException unresolvableHierarchy) {
            return owner;
        }
    }

    /** The JVM's field resolution: the class itself, then its direct interfaces, then its superclass, and so on. */
    private static TypeDescription findDeclaring(TypeDescription type, String fieldName) {
        if (!type.getDeclaredFields().filter(named(fieldName)).isEmpty()) {
            return type;
        }
        for (TypeDescription.Generic anInterface : type.getInterfaces()) {
            TypeDescription found = findDeclaring(anInterface.asErasure(), fieldName);
            if (found != null) {
                return found;
            }
        }
        TypeDescription.Generic superClass = type.getSuperClass();
        return superClass == null ? null : findDeclaring(superClass.asErasure(), fieldName);
    }

    private static boolean findFinal(TypeDescription type, String fieldName) {
        for (TypeDefinition current = type; current != null; ) {
            FieldList<FieldDescription.InDefinedShape> fields =
                    current.asErasure().getDeclaredFields().filter(named(fieldName));
            if (!fields.isEmpty()) {
                return fields.getOnly().isFinal();
            }
            for (TypeDescription.Generic anInterface : current.getInterfaces()) {
                if (!anInterface.asErasure().getDeclaredFields().filter(named(fieldName)).isEmpty()) {
                    return true; // interface fields are constants
                }
            }
            TypeDescription.Generic superClass = current.getSuperClass();
            current = superClass == null ? null : superClass.asErasure();
        }
        return false;
    }
}
