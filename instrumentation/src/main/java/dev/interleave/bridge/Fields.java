package dev.interleave.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity of every field that instrumented code accesses: one number per field, given when a class is
 * instrumented, for the class that declares the field and its name. An access through a subclass (where the
 * compiler names the subclass as the field's owner) gets the number of the declaring class's field, and two classes
 * of the same simple name in different packages get different numbers.
 */
public final class Fields {

    private static final Map<String, Integer> IDS = new HashMap<>();
    /** By number minus one: the declaring class's binary name and the field's name, as given to {@link #id}. */
    private static final List<String[]> NAMES = new ArrayList<>();

    private Fields() {
    }

    /**
     * The number of the field {@code name} declared by {@code declaringClass} (a binary name such as
     * {@code com.example.Counter}): the same for every call with the same two, and never 0.
     */
    public static synchronized int id(String declaringClass, String name) {
        return IDS.computeIfAbsent(declaringClass + '#' + name, key -> {
            NAMES.add(new String[] {declaringClass, name});
            return IDS.size() + 1;
        });
    }

    /** The binary name of the class that declares field {@code id}, or null for a number no field has. */
    public static synchronized String declaringClass(int id) {
        return id > 0 && id <= NAMES.size() ? NAMES.get(id - 1)[0] : null;
    }

    /** The name of field {@code id}, or null for a number no field has. */
    public static synchronized String name(int id) {
        return id > 0 && id <= NAMES.size() ? NAMES.get(id - 1)[1] : null;
    }
}
