package dev.interleave.engine.statics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The static fields of one class as they were when the class was first seen initialized, and the contents of the
 * objects they referred to: what {@link #restore} puts back before a schedule.
 */
final class ClassSnapshot {

    private final Class<?> type;
    private final List<Field> fields = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    /** For each field, the contents of the object it referred to, or null. */
    private final List<ObjectSnapshot> referents = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    private ClassSnapshot(Class<?> type) {
        this.type = type;
    }

    /** The class's static fields as they are now. */
    static ClassSnapshot now(Class<?> type) {
        return take(type, false);
    }

    /**
     * The class's static fields as they were right after it was initialized, for a class without a static
     * initializer: every field that is not a constant held its type's default value.
     */
    static ClassSnapshot asInitialized(Class<?> type) {
        return take(type, true);
    }

    private static ClassSnapshot take(Class<?> type, boolean defaults) {
        ClassSnapshot snapshot = new ClassSnapshot(type);
        Field[] declared;
        try {
            declared = type.getDeclaredFields();
        } catch (LinkageError unresolvable) {
            snapshot.unreadable.add(type.getSimpleName() + " (" + unresolvable + ")");
            return snapshot;
        }
        for (Field field : declared) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || field.isSynthetic()) {
                continue;
            }
            Object value;
            try {
                field.setAccessible(true);
                value = defaults && !Modifier.isFinal(modifiers) ? defaultValue(field.getType()) : field.get(null);
            } catch (RuntimeException | IllegalAccessException inaccessible) {
                snapshot.unreadable.add(name(field));
                continue;
            }
            snapshot.fields.add(field);
            snapshot.values.add(value);
            snapshot.referents.add(ObjectSnapshot.of(value));
        }
        return snapshot;
    }

    Class<?> type() {
        return type;
    }

    /**
     * Puts every static field that is not final back, and the contents of what each refers to; adds to
     * {@code leaked} the fields whose state had changed and could not be put back.
     */
    void restore(List<String> leaked) {
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            try {
                if (!ObjectSnapshot.same(field, field.get(null), values.get(i))) {
                    if (Modifier.isFinal(field.getModifiers())) {
                        leaked.add(name(field) + " (final, now refers to another object)");
                        continue;
                    }
                    field.set(null, values.get(i));
                }
            } catch (RuntimeException | IllegalAccessException e) {
                leaked.add(name(field) + " (" + e + ")");
                continue;
            }
            ObjectSnapshot referent = referents.get(i);
            if (referent == null) {
                continue;
            }
            if (isChannel(field)) {
                if (!referent.matches()) {
                    leaked.add(name(field) + " (public static final: its contents are kept across schedules)");
                }
            } else if (!referent.restore()) {
                leaked.add(name(field) + " (its " + values.get(i).getClass().getName() + " changed)");
            }
        }
    }

    /** The static fields whose objects could not be looked into, so that whether a schedule changed them is unknown. */
    List<String> unchecked() {
        List<String> result = new ArrayList<>(unreadable);
        for (int i = 0; i < fields.size(); i++) {
            ObjectSnapshot referent = referents.get(i);
            if (referent != null && referent.unchecked()) {
                result.add(name(fields.get(i)) + " (a " + values.get(i).getClass().getName() + ")");
            }
        }
        return result;
    }

    /**
     * Whether what {@code field} refers to keeps its contents across schedules: a public static final field, where a
     * test keeps what it observes over a whole exploration (the outcomes its schedules reached) for its harness.
     */
    private static boolean isChannel(Field field) {
        int modifiers = field.getModifiers();
        return Modifier.isPublic(modifiers) && Modifier.isFinal(modifiers);
    }

    private static String name(Field field) {
        String className = field.getDeclaringClass().getName();
        return className.substring(className.lastIndexOf('.') + 1) + "." + field.getName();
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
