package dev.interleave.engine.statics;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The contents of one object that a static field refers to, saved so that they can be put back: a collection's or
 * a map's elements, an array's, an atomic's value, the fields of an object of the application (and, to a bounded
 * depth, what they refer to). A static field that is put back refers to the same object again, but a test may have
 * changed that object (a static final {@code List} that grew).
 *
 * <p>Objects of other JDK types (a {@code Random}, a {@code StringBuilder}) cannot be looked into: they are
 * {@linkplain #unchecked() unchecked}, and named where a replay leaves its recorded path.
 */
abstract class ObjectSnapshot {

    /** Collections larger than this are not copied before every schedule; they are unchecked. */
    private static final int MAX_ELEMENTS = 10_000;
    /** How deep the fields of application objects are followed from a static field. */
    private static final int MAX_DEPTH = 3;

    private final List<ObjectSnapshot> children = new ArrayList<>();

    /**
     * Puts the object back as it was saved; returns false when it had changed and could not be put back (an
     * unmodifiable view whose backing collection changed, say).
     */
    abstract boolean restore();

    /** Whether the object, and what it holds, are as they were saved; nothing is changed. */
    abstract boolean matches();

    final boolean childrenMatch() {
        for (ObjectSnapshot child : children) {
            if (!child.matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether nothing could be saved of the object, so that whether it changed is unknown. */
    boolean unchecked() {
        return false;
    }

    /** A snapshot of {@code value}'s contents, or null when it has none worth saving (a string, a box, null). */
    static ObjectSnapshot of(Object value) {
        return of(value, MAX_DEPTH, new IdentityHashMap<>());
    }

    private static ObjectSnapshot of(Object value, int depth, Map<Object, Boolean> seen) {
        if (value == null || value.getClass() == Object.class || isImmutable(value)
                || seen.put(value, Boolean.TRUE) != null) {
            return null;
        }
        if (depth == 0) {
            return new Unchecked();
        }
        Class<?> type = value.getClass();
        ObjectSnapshot snapshot;
        if (type.isArray()) {
            snapshot = Array.getLength(value) > MAX_ELEMENTS ? new Unchecked() : new OfArray(value);
        } else if (value instanceof Collection && isJdk(type)) {
            Collection<?> collection = (Collection<?>) value;
            snapshot = collection.size() > MAX_ELEMENTS ? new Unchecked() : new OfCollection(collection);
        } else if (value instanceof Map && isJdk(type)) {
            Map<?, ?> map = (Map<?, ?>) value;
            snapshot = map.size() > MAX_ELEMENTS ? new Unchecked() : new OfMap(map);
        } else if (value instanceof AtomicInteger || value instanceof AtomicLong || value instanceof AtomicBoolean
                || value instanceof AtomicReference) {
            return new OfAtomic(value);
        } else if (isJdk(type)) {
            return OfText.of(value);
        } else {
            return OfFields.of(value, depth, seen);
        }
        snapshot.addElements(snapshot.elements(), depth, seen);
        return snapshot;
    }

    /** What the object holds, whose own contents are saved too: a collection's elements, a map's values. */
    Iterable<?> elements() {
        return List.of();
    }

    private void addElements(Iterable<?> elements, int depth, Map<Object, Boolean> seen) {
        for (Object element : elements) {
            ObjectSnapshot child = of(element, depth - 1, seen);
            if (child != null) {
                children.add(child);
            }
        }
    }

    /** Puts back the contents of what the object holds; false when some could not be. */
    final boolean restoreChildren() {
        boolean restored = true;
        for (ObjectSnapshot child : children) {
            restored &= child.restore();
        }
        return restored;
    }

    final boolean childUnchecked() {
        for (ObjectSnapshot child : children) {
            if (child.unchecked()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a field holds {@code saved} still: the same primitive value, or the same object. */
    static boolean same(Field field, Object current, Object saved) {
        return field.getType().isPrimitive() ? Objects.equals(current, saved) : current == saved;
    }

    private static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private static boolean isImmutable(Object value) {
        return value instanceof String || value instanceof Number && isJdk(value.getClass())
                && !(value instanceof AtomicInteger || value instanceof AtomicLong)
                || value instanceof Boolean || value instanceof Character || value instanceof Enum
                || value instanceof Class || value instanceof Thread || value instanceof ClassLoader
                || value.getClass().getName().startsWith("java.time.");
    }

    /**
     * A JDK object that cannot be looked into but says what it holds in its {@code toString()} (a latch's count, a
     * builder's text): a change is seen, and cannot be undone.
     */
    private static final class OfText extends ObjectSnapshot {
        private final Object object;
        private final String text;

        private OfText(Object object, String text) {
            this.object = object;
            this.text = text;
        }

        static ObjectSnapshot of(Object object) {
            try {
                if (object.getClass().getMethod("toString").getDeclaringClass() == Object.class) {
                    return new Unchecked(); // it would only print its identity
                }
                return new OfText(object, object.toString());
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                return new Unchecked();
            }
        }

        @Override
        boolean restore() {
            return matches();
        }

        @Override
        boolean matches() {
            try {
                return text.equals(object.toString());
            } catch (RuntimeException unreadable) {
                return false;
            }
        }
    }

    private static final class Unchecked extends ObjectSnapshot {
        @Override
        boolean restore() {
            return true;
        }

        @Override
        boolean matches() {
            return true;
        }

        @Override
        boolean unchecked() {
            return true;
        }
    }

    private static final class OfArray extends ObjectSnapshot {
        private final Object array;
        private final Object copy;

        OfArray(Object array) {
            this.array = array;
            int length = Array.getLength(array);
            this.copy = Array.newInstance(array.getClass().getComponentType(), length);
            System.arraycopy(array, 0, copy, 0, length);
        }

        @Override
        Iterable<?> elements() {
            return copy instanceof Object[] ? Arrays.asList((Object[]) copy) : List.of();
        }

        @Override
        boolean restore() {
            System.arraycopy(copy, 0, array, 0, Array.getLength(copy));
            return restoreChildren();
        }

        @Override
        boolean matches() {
            int length = Array.getLength(copy);
            for (int i = 0; i < length; i++) {
                Object saved = Array.get(copy, i);
                Object now = Array.get(array, i);
                if (copy instanceof Object[] ? saved != now : !saved.equals(now)) {
                    return false;
                }
            }
            return childrenMatch();
        }

        @Override
        boolean unchecked() {
            return childUnchecked();
        }
    }

    private static final class OfCollection extends ObjectSnapshot {
        private final Collection<Object> collection;
        private final List<Object> elements;

        @SuppressWarnings("unchecked")
        OfCollection(Collection<?> collection) {
            this.collection = (Collection<Object>) collection;
            this.elements = new ArrayList<>(collection);
        }

        @Override
        Iterable<?> elements() {
            return elements;
        }

        @Override
        boolean restore() {
            if (!sameElements()) {
                try {
                    collection.clear();
                    collection.addAll(elements);
                } catch (UnsupportedOperationException unmodifiable) {
                    return false; // a view whose backing collection changed elsewhere
                }
            }
            return restoreChildren();
        }

        @Override
        boolean unchecked() {
            return childUnchecked();
        }

        @Override
        boolean matches() {
            return sameElements() && childrenMatch();
        }

        private boolean sameElements() {
            if (collection.size() != elements.size()) {
                return false;
            }
            int i = 0;
            for (Object element : collection) {
                if (element != elements.get(i++)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class OfMap extends ObjectSnapshot {
        private final Map<Object, Object> map;
        private final List<Object> keys;
        private final List<Object> values;

        @SuppressWarnings("unchecked")
        OfMap(Map<?, ?> map) {
            this.map = (Map<Object, Object>) map;
            this.keys = new ArrayList<>(map.keySet());
            this.values = new ArrayList<>(map.values());
        }

        @Override
        Iterable<?> elements() {
            return values;
        }

        @Override
        boolean restore() {
            if (!sameEntries()) {
                try {
                    map.clear();
                    for (int i = 0; i < keys.size(); i++) {
                        map.put(keys.get(i), values.get(i));
                    }
                } catch (UnsupportedOperationException unmodifiable) {
                    return false;
                }
            }
            return restoreChildren();
        }

        @Override
        boolean unchecked() {
            return childUnchecked();
        }

        @Override
        boolean matches() {
            return sameEntries() && childrenMatch();
        }

        private boolean sameEntries() {
            if (map.size() != keys.size()) {
                return false;
            }
            int i = 0;
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                if (entry.getKey() != keys.get(i) || entry.getValue() != values.get(i)) {
                    return false;
                }
                i++;
            }
            return true;
        }
    }

    private static final class OfAtomic extends ObjectSnapshot {
        private final Object atomic;
        private final Object value;

        OfAtomic(Object atomic) {
            this.atomic = atomic;
            this.value = valueOf(atomic);
        }

        private static Object valueOf(Object atomic) {
            return atomic instanceof AtomicInteger ? (Object) ((AtomicInteger) atomic).get()
                    : atomic instanceof AtomicLong ? (Object) ((AtomicLong) atomic).get()
                    : atomic instanceof AtomicBoolean ? (Object) ((AtomicBoolean) atomic).get()
                    : ((AtomicReference<?>) atomic).get();
        }

        @Override
        boolean matches() {
            Object now = valueOf(atomic);
            return atomic instanceof AtomicReference ? now == value : now.equals(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        boolean restore() {
            if (atomic instanceof AtomicInteger) {
                ((AtomicInteger) atomic).set((Integer) value);
            } else if (atomic instanceof AtomicLong) {
                ((AtomicLong) atomic).set((Long) value);
            } else if (atomic instanceof AtomicBoolean) {
                ((AtomicBoolean) atomic).set((Boolean) value);
            } else {
                ((AtomicReference<Object>) atomic).set(value);
            }
            return true;
        }
    }

    /** An object of the application: its instance fields, and the contents of what they refer to. */
    private static final class OfFields extends ObjectSnapshot {
        private final Object object;
        private final List<Field> fields = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();
        private final List<ObjectSnapshot> referents = new ArrayList<>();
        private boolean unchecked;

        private OfFields(Object object) {
            this.object = object;
        }

        static ObjectSnapshot of(Object object, int depth, Map<Object, Boolean> seen) {
            OfFields snapshot = new OfFields(object);
            for (Class<?> type = object.getClass(); type != null && !isJdk(type); type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    Object value;
                    try {
                        field.setAccessible(true);
                        value = field.get(object);
                    } catch (RuntimeException | IllegalAccessException inaccessible) {
                        snapshot.unchecked = true;
                        continue;
                    }
                    snapshot.fields.add(field);
                    snapshot.values.add(value);
                    ObjectSnapshot referent = ObjectSnapshot.of(value, depth - 1, seen);
                    if (referent != null) {
                        snapshot.referents.add(referent);
                    }
                }
            }
            return snapshot;
        }

        @Override
        boolean matches() {
            for (int i = 0; i < fields.size(); i++) {
                try {
                    if (!same(fields.get(i), fields.get(i).get(object), values.get(i))) {
                        return false;
                    }
                } catch (RuntimeException | IllegalAccessException inaccessible) {
                    return false;
                }
            }
            for (ObjectSnapshot referent : referents) {
                if (!referent.matches()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        boolean restore() {
            boolean restored = true;
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                try {
                    if (!same(field, field.get(object), values.get(i))) {
                        if (Modifier.isFinal(field.getModifiers())) {
                            restored = false;
                        } else {
                            field.set(object, values.get(i));
                        }
                    }
                } catch (RuntimeException | IllegalAccessException inaccessible) {
                    restored = false;
                }
            }
            for (ObjectSnapshot referent : referents) {
                restored &= referent.restore();
            }
            return restored;
        }

        @Override
        boolean unchecked() {
            if (unchecked) {
                return true;
            }
            for (ObjectSnapshot referent : referents) {
                if (referent.unchecked()) {
                    return true;
                }
            }
            return false;
        }
    }
}
