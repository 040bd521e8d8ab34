package dev.interleave.bridge;

import java.util.HashMap;
import java.util.Map;

/**
 * The identity of every field that instrumented code accesses: one number per field, given when a class is
 * instrumented, for the class that declares the field and its name. An access through a subclass (where the
 * compiler names the subclass as the field's owner) gets the number of the declaring class's field, and two classes
 * of the same simple name in different packages get different numbers.
 */
public final class Fields {

    private static final Map<String, Integer> IDS = new HashMap<>();

    private Fields() {
    }

    /**
     * The number of the field {@code name} declared by {@code declaringClass} (a binary name such as
     * {@code com.example.Counter}): the same for every call with the same two, and never 0.
     */
    public static synchronized int id(String declaringClass, String name) {
        return IDS.computeIfAbsent(declaringClass + '#' + name, key -> IDS.size() + 1);
    }
}
