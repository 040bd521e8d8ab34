package dev.interleave.scheduler;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.interleave.bridge.AccessKind;
import dev.interleave.bridge.Fields;
import dev.interleave.bridge.Site;
import dev.interleave.bridge.Sites;
import dev.interleave.instrumentation.ClassInitialization;

/**
 * Captures the value each shared access of a schedule saw or stored, for the schedules whose trace a user is shown.
 *
 * <p>Accesses need no rewriter change, because the scheduler is cooperative. A field or array hook runs <em>before</em>
 * the access, and once the scheduler has let the thread go on from it, no other managed thread runs until that
 * thread's next hook. So the value a read will see is the field's value when its step is recorded (after the
 * scheduling point), and the value a write stored is the field's value when its thread next comes to the scheduler
 * (its next step, or its next decision, which happens before any other thread may run) or ends. Fields are read by
 * reflection, resolved from the site's field number once per site and schedule; array elements through
 * {@link Array#get}. Everything runs inside the scheduler, where the hooks of the JDK code that reflection runs are
 * not steps, so capturing adds no step and changes no schedule.
 *
 * <p>What a call decides with is its result: the rewriter passes the boolean a call into the JDK returns, when that
 * call is a step of its own, to the bridge right after it ({@link #returned}); that step then shows it.
 *
 * <p>Where nothing is captured: a field whose class does not let the framework in (a JDK class in a package that is
 * not opened to it: the agent opens none for this, since opening a package to the class path opens it to the code
 * under test too, and would change what its own reflection may do), a static field of a class not initialized yet
 * (reading it would run the initializer at a moment the test did not choose), and a write after which the schedule
 * was abandoned before its thread came back.
 *
 * <p>Cost: one reflective read per access. Explorations capture nothing: only the schedule that a report shows (the
 * failing one, run once more after shrinking; a replayed file) does.
 */
final class StepValues {

    /** By site: the field it accesses, opened, or empty where it cannot be read. */
    private final Map<Integer, Optional<Field>> fields = new HashMap<>();
    /** By thread and site: the step of a call into the JDK that has not returned yet. */
    private final Map<Long, TraceEvent> calls = new HashMap<>();
    /** A write whose thread has not come back to the scheduler since: its value is not known yet. */
    private TraceEvent pendingWrite;

    /** A step was just recorded, on the thread that takes it, before its access runs. */
    void recorded(TraceEvent event) {
        if (event.kind() == OpKind.YIELD) {
            calls.put(callKey(event.thread(), event.site()), event);
            return;
        }
        if (event.kind() != OpKind.ACCESS || event.access() == null) {
            return;
        }
        if (event.access().isWrite()) {
            pendingWrite = event;
        } else {
            capture(event);
        }
    }

    /**
     * The running thread came back to the scheduler (a new step, a decision, its end): the write it took last, if
     * any, has happened, and no other thread has run since.
     */
    void settle() {
        TraceEvent write = pendingWrite;
        if (write != null) {
            pendingWrite = null;
            capture(write);
        }
    }

    /**
     * The call that thread {@code thread} took as a step at {@code site} returned {@code returned}: the step shows
     * it. The rewritten code passes the results of the calls into the JDK that return a boolean, the ones that
     * decide where a program goes ({@code compareAndSet}, {@code tryLock}, {@code isEmpty}, {@code add},
     * {@code remove}, {@code offer}, {@code tryAcquire}), and nothing else, which keeps the hook cheap.
     */
    void returned(int thread, int site, Object returned) {
        TraceEvent call = calls.remove(callKey(thread, site));
        if (call != null) {
            call.value(returned);
        }
    }

    private static long callKey(int thread, int site) {
        return (long) thread << 32 | (site & 0xffffffffL);
    }

    private void capture(TraceEvent event) {
        try {
            if (event.access() == AccessKind.ARRAY_READ || event.access() == AccessKind.ARRAY_WRITE) {
                Object array = event.target();
                if (array != null && array.getClass().isArray() && event.index() >= 0
                        && event.index() < Array.getLength(array)) {
                    event.value(Array.get(array, event.index()));
                }
                return;
            }
            Optional<Field> field = fieldOf(event);
            if (field.isPresent()) {
                Field f = field.get();
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (isStatic ? ClassInitialization.isInitialized(f.getDeclaringClass())
                        : f.getDeclaringClass().isInstance(event.target())) {
                    event.value(f.get(isStatic ? null : event.target()));
                }
            }
        } catch (IllegalAccessException | RuntimeException | LinkageError unreadable) {
            // a value not shown is better than a report that fails
        }
    }

    private Optional<Field> fieldOf(TraceEvent event) {
        Optional<Field> known = fields.get(event.site());
        if (known != null && (known.isEmpty() || Modifier.isStatic(known.get().getModifiers())
                || known.get().getDeclaringClass().isInstance(event.target()))) {
            return known;
        }
        Optional<Field> resolved = resolve(Sites.get(event.site()), event.target());
        fields.put(event.site(), resolved);
        return resolved;
    }

    private static Optional<Field> resolve(Site site, Object target) {
        String declaring = Fields.declaringClass(site.field());
        String name = Fields.name(site.field());
        if (declaring == null) {
            return Optional.empty();
        }
        Class<?> type = null;
        if (target != null) {
            for (Class<?> c = target.getClass(); c != null && type == null; c = c.getSuperclass()) {
                if (c.getName().equals(declaring)) {
                    type = c;
                }
            }
        } else {
            type = loadFrom(site.className(), declaring);
        }
        if (type == null) {
            return Optional.empty();
        }
        try {
            Field field = type.getDeclaredField(name);
            return field.trySetAccessible() ? Optional.of(field) : Optional.empty();
        } catch (NoSuchFieldException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The class named {@code declaring}, as the code of the site's class sees it: found through the class loader of
     * that code, which is on this thread's stack, without initializing it.
     */
    private static Class<?> loadFrom(String siteClass, String declaring) {
        Class<?> accessing = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> c.getName().equals(siteClass)).findFirst().orElse(null));
        if (accessing == null) {
            return null;
        }
        try {
            return Class.forName(declaring, false, accessing.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
