package dev.interleave.engine.hunt;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * Jupiter's tree for one hunted test (or invocation), discovered once and executed again for every schedule.
 * Discovering it anew for each would cost more than many a test. A tree is the result of discovery: executing it
 * creates a fresh test instance, extension registry and context each time, and changes nothing of it but what
 * Jupiter lets go when it is done with a node (its lifecycle methods, say, to free memory); those fields are put
 * back as discovery left them before every execution. Where Jupiter's classes cannot be reached that way (its
 * module closed to Interleave), the tree is discovered anew for every schedule, as exactly, only slower.
 */
final class TreeForSchedules {

    private final Jupiter jupiter;
    private final UniqueId test;
    private TestDescriptor root;
    /** Every field of the tree's nodes that is neither static nor final, as discovery left it; null: rediscover. */
    private List<Saved> discovered;
    /** The tree an execution is running now, or null. */
    private volatile TestDescriptor running;

    private static final class Saved {
        final Object node;
        final Field field;
        final Object value;

        Saved(Object node, Field field, Object value) {
            this.node = node;
            this.field = field;
            this.value = value;
        }
    }

    TreeForSchedules(Jupiter jupiter, UniqueId test) {
        this.jupiter = jupiter;
        this.test = test;
        this.root = jupiter.discover(test, true);
        this.discovered = saved(root);
    }

    /** Whether one tree serves every schedule (false: each is discovered anew). */
    boolean reused() {
        return discovered != null;
    }

    /** The tree, as discovery left it, ready for one execution: called between schedules. */
    TestDescriptor next() {
        if (discovered == null) {
            return jupiter.discover(test, true);
        }
        if (running == root) {
            // A schedule left its test thread running, inside Jupiter: that execution keeps the old tree
            root = jupiter.discover(test, true);
            discovered = saved(root);
            return discovered == null ? root : next();
        }
        try {
            for (Saved saved : discovered) {
                if (saved.field.get(saved.node) != saved.value) {
                    saved.field.set(saved.node, saved.value);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("a field made accessible is not: " + e, e);
        }
        return root;
    }

    /** Runs {@code execution} of {@code tree}, which {@link #next} gave, on the schedule's test thread. */
    void execute(TestDescriptor tree, Runnable execution) {
        running = tree;
        try {
            execution.run();
        } finally {
            if (running == tree) {
                running = null;
            }
        }
    }

    private static List<Saved> saved(TestDescriptor root) {
        List<Saved> saved = new ArrayList<>();
        try {
            root.accept(node -> {
                for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        int modifiers = field.getModifiers();
                        if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
                            continue;
                        }
                        field.setAccessible(true);
                        try {
                            saved.add(new Saved(node, field, field.get(node)));
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
        } catch (RuntimeException closed) { // InaccessibleObjectException (JDK 9+), a SecurityException
            return null;
        }
        return saved;
    }
}
