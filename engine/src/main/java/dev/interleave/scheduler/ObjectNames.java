package dev.interleave.scheduler;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short deterministic names for the objects a schedule touched ({@code Account#2}): numbered per class in the order
 * of their first appearance in the trace, never from identity hash codes, so two runs of a seed print the same.
 */
public final class ObjectNames {

    private final Map<Object, String> names = new IdentityHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /**
     * The names of the objects in {@code trace}: step by step, the object a step acts on, then the object it read,
     * wrote or returned, so that an object has the same name in every row, whether it is acted on or passed around.
     */
    public static ObjectNames of(List<TraceEvent> trace) {
        ObjectNames names = new ObjectNames();
        for (TraceEvent event : trace) {
            if (event.target() != null) {
                names.nameOf(event.target());
            }
            if (event.hasValue() && isNamed(event.value())) {
                names.nameOf(event.value());
            }
        }
        return names;
    }

    /**
     * Whether a value is shown by a name of this numbering rather than as itself: every object but null, strings,
     * boxed primitives and enum constants, whose texts are their own and never differ from run to run.
     */
    public static boolean isNamed(Object value) {
        return value != null && !(value instanceof String) && !(value instanceof Number && isBoxed(value))
                && !(value instanceof Boolean) && !(value instanceof Character) && !(value instanceof Enum)
                && !(value instanceof Class);
    }

    private static boolean isBoxed(Object number) {
        Class<?> type = number.getClass();
        return type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == Float.class || type == Double.class;
    }

    /**
     * The sync of a {@code java.util.concurrent} lock ({@code ReentrantLock$NonfairSync}): the object its waiters
     * park on, named after the lock a user knows.
     */
    private static boolean isLockSync(Class<?> type) {
        return type.getName().startsWith("java.util.concurrent.") && type.getSimpleName().endsWith("Sync")
                && type.getEnclosingClass() != null;
    }

    public String nameOf(Object object) {
        if (object instanceof Class) {
            return ((Class<?>) object).getSimpleName() + ".class";
        }
        return names.computeIfAbsent(object, o -> {
            String simple = o.getClass().isArray()
                    ? o.getClass().getComponentType().getSimpleName() + "[]"
                    : isLockSync(o.getClass()) ? o.getClass().getEnclosingClass().getSimpleName()
                    : o.getClass().getSimpleName().isEmpty() ? "Object" : o.getClass().getSimpleName();
            int number = counters.merge(simple, 1, Integer::sum);
            return simple + "#" + number;
        });
    }
}
