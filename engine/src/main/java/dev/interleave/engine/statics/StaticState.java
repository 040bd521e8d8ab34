package dev.interleave.engine.statics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import dev.interleave.bridge.Sites;
import dev.interleave.instrumentation.ClassInitialization;
import dev.interleave.scheduler.TraceEvent;

/**
 * The static state of the classes one test's schedules touch, put back before every schedule so that each starts
 * from the same state: schedule N of an exploration is then schedule N in a fresh JVM.
 *
 * <p>A class's state is saved when the class is first seen initialized: before the first schedule for the classes
 * initialized by then, right after its static initializer for a class a schedule initializes (a class without one
 * holds default values then). Of these, the classes put back are those of the test (its class, superclasses and
 * nest), those initialized during a schedule, and those whose code a schedule ran. Static fields that are not final
 * are set back; the objects static fields refer to get their contents back where they are collections, maps,
 * arrays, atomics or objects of the application. What changed and could not be put back is {@linkplain #leaked()
 * leaked}; what could not be looked into (a {@code Random}) is {@linkplain #unchecked() unchecked}.
 *
 * <p>Used by the engine's thread between schedules, and by managed threads when they initialize a class.
 */
public final class StaticState {

    private final Supplier<List<Class<?>>> loadedClasses;
    private final IntSupplier transformations;
    private final ClassLoader testLoader;
    private final Set<Class<?>> testClasses = new LinkedHashSet<>();
    private final Map<Class<?>, ClassSnapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, Class<?>> byName = new HashMap<>();
    private final Set<Class<?>> restored = new LinkedHashSet<>();
    private final Set<Class<?>> known = new LinkedHashSet<>();
    private final List<Class<?>> uninitialized = new ArrayList<>();
    private final BitSet sitesSeen = new BitSet();
    private final Set<String> leaked = new LinkedHashSet<>();
    private final boolean exclusive;
    private int scannedAt = -1;
    private boolean started;

    /**
     * @param testClass       the test class, initialized here if it was not
     * @param loadedClasses   the application classes loaded now
     * @param transformations a count that moves whenever a class was loaded and instrumented
     * @param exclusive       whether no other test runs meanwhile: then a class that the schedules initialized
     *                        without running code of its own (a holder of static fields) is this test's too
     */
    public StaticState(Class<?> testClass, Supplier<List<Class<?>>> loadedClasses, IntSupplier transformations,
            boolean exclusive) {
        this.loadedClasses = loadedClasses;
        this.exclusive = exclusive;
        this.transformations = transformations;
        this.testLoader = testClass.getClassLoader();
        try {
            Class.forName(testClass.getName(), true, testLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            // the engine reports it when it creates the instance
        }
        addTestClass(testClass);
        Class<?> host = testClass.getNestHost();
        addTestClass(host);
        for (Class<?> member : host.getNestMembers()) {
            addTestClass(member);
        }
    }

    private void addTestClass(Class<?> type) {
        for (Class<?> at = type; at != null && at.getClassLoader() == testLoader; at = at.getSuperclass()) {
            testClasses.add(at);
        }
    }

    /**
     * Before a schedule: saves the classes initialized since the last call, and puts back those already saved
     * that the earlier schedules touched.
     */
    public synchronized void beforeSchedule() {
        scan();
        if (started) {
            restore();
        }
        started = true;
    }

    /** After the last schedule: the classes are left as the first schedule found them. */
    public synchronized void close() {
        if (started) {
            scan();
            restore();
        }
    }

    /** A managed thread has just run {@code type}'s static initializer: its state now is its initial state. */
    public synchronized void initialized(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || snapshots.containsKey(type)) {
            return;
        }
        known.add(type);
        save(type, ClassSnapshot.now(type));
        restored.add(type);
    }

    /** After a schedule: the classes whose code it ran are put back from now on. */
    public synchronized void ran(List<TraceEvent> trace) {
        for (TraceEvent event : trace) {
            int site = event.site();
            if (site < 0 || sitesSeen.get(site)) {
                continue;
            }
            sitesSeen.set(site);
            Class<?> type = byName.get(Sites.get(site).className());
            if (type != null) {
                restored.add(type);
            }
        }
    }

    /** The static fields whose state a schedule changed and that could not be put back, as {@code Class.field}. */
    public synchronized List<String> leaked() {
        return List.copyOf(leaked);
    }

    /** The static fields put back whose objects could not be looked into: whether a schedule changed them is unknown. */
    public synchronized List<String> unchecked() {
        List<String> result = new ArrayList<>();
        for (Class<?> type : restored) {
            ClassSnapshot snapshot = snapshots.get(type);
            if (snapshot != null) {
                result.addAll(snapshot.unchecked());
            }
        }
        return Collections.unmodifiableList(result);
    }

    private void scan() {
        int now = transformations.getAsInt();
        if (now != scannedAt) {
            scannedAt = now;
            for (Class<?> type : loadedClasses.get()) {
                if (known.add(type)) {
                    uninitialized.add(type);
                }
            }
        }
        uninitialized.removeIf(type -> {
            if (!ClassInitialization.isInitialized(type)) {
                return false;
            }
            found(type);
            return true;
        });
    }

    /** {@code type} was found initialized, and no managed thread was seen initializing it. */
    private void found(Class<?> type) {
        if (snapshots.containsKey(type)) {
            return;
        }
        if (!started) {
            save(type, ClassSnapshot.now(type));
            if (testClasses.contains(type)) {
                restored.add(type);
            }
            return;
        }
        // Initialized during the schedules so far, outside the view of the initializer's hooks: without a static
        // initializer its initial state is known all the same; with one, this is the best there is.
        boolean initializer;
        try {
            initializer = ClassInitialization.hasStaticInitializer(type);
        } catch (IOException | RuntimeException unreadable) {
            initializer = true;
        }
        save(type, initializer ? ClassSnapshot.now(type) : ClassSnapshot.asInitialized(type));
        if (!initializer && exclusive || testClasses.contains(type)) {
            restored.add(type);
        }
    }

    private void save(Class<?> type, ClassSnapshot snapshot) {
        snapshots.put(type, snapshot);
        if (type.getClassLoader() == testLoader) {
            byName.put(type.getName(), type);
        }
    }

    private void restore() {
        List<String> notRestored = restoreOnce();
        if (!notRestored.isEmpty()) {
            // an unmodifiable view compares equal again once the collection behind it, elsewhere, is put back
            notRestored = restoreOnce();
        }
        leaked.addAll(notRestored);
    }

    private List<String> restoreOnce() {
        List<String> notRestored = new ArrayList<>();
        for (Class<?> type : restored) {
            ClassSnapshot snapshot = snapshots.get(type);
            // a class whose initializer failed has no state that any code can reach, and reflection on it fails
            if (snapshot != null && ClassInitialization.isInitialized(type)) {
                snapshot.restore(notRestored);
            }
        }
        return notRestored;
    }

    /** How a saved failure's headline notes the static state that could not be put back before its schedule. */
    private static final String NOTE = "static state earlier schedules changed, not put back: ";

    /** The note a saved failure's headline gets when {@code leaked} is not empty; otherwise "". */
    public static String note(List<String> leaked) {
        return leaked.isEmpty() ? "" : " [" + NOTE + String.join(", ", leaked) + "]";
    }

    /** The fields a headline's {@link #note} names, or "" when it has none. */
    public static String noted(String headline) {
        int at = headline.lastIndexOf(NOTE);
        if (at < 0) {
            return "";
        }
        int end = headline.indexOf(']', at);
        return headline.substring(at + NOTE.length(), end < 0 ? headline.length() : end);
    }
}
