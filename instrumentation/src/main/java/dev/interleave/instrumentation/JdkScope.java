package dev.interleave.instrumentation;

import java.util.List;
import java.util.Set;

/**
 * Which JDK classes a managed thread is explored inside of, and how a call into the JDK is treated.
 *
 * <p><b>Explored</b> classes are the JDK's data structures and formats that are not thread-safe and that tests share
 * by mistake: the collections of {@code java.util}, {@code Calendar}, {@code Date} and the formats of
 * {@code java.text}. Their field and array accesses are scheduling points, so that a {@code HashMap} shared without a
 * lock can lose an entry, as it does on a real JVM, but only inside an operation that application code called:
 * the same classes used by the JDK itself, the framework or a build tool are left alone.
 *
 * <p>Left out on purpose: {@code IdentityHashMap} and {@code WeakHashMap}, whose paths depend on the JVM's identity
 * hashes and on the garbage collector, so that no schedule could be replayed; and the explored classes' constructors
 * and static factories ({@code Calendar.getInstance()}, {@code new SimpleDateFormat(...)}), which consult the JDK's
 * caches: the first call in a JVM would take another path than the next.
 *
 * <p><b>Pure</b> classes hold no shared state of their own and take no lock while they call back into the caller's
 * code (strings, boxes, {@code Math}, {@code Objects}, {@code Arrays}, streams, functional interfaces): a call into
 * them needs no special treatment. Every other JDK class is <b>opaque</b>: a call into it runs as one step, callbacks
 * included, because it may hold a lock the scheduler cannot see ({@code ConcurrentHashMap.computeIfAbsent},
 * {@code PrintStream.format}) or keep state of its own ({@code java.util.concurrent}, which is linearizable, so its
 * operations' boundaries are where its interleavings are).
 */
public final class JdkScope {

    /** Explored classes, with their nested classes: internal names. */
    private static final Set<String> EXPLORED = Set.of(
            // the interfaces, for their default methods
            "java/lang/Iterable", "java/util/Collection", "java/util/List", "java/util/Set", "java/util/SortedSet",
            "java/util/NavigableSet", "java/util/Queue", "java/util/Deque", "java/util/Map", "java/util/SortedMap",
            "java/util/NavigableMap", "java/util/Iterator", "java/util/ListIterator", "java/util/SequencedCollection",
            "java/util/SequencedSet", "java/util/SequencedMap",
            "java/util/AbstractCollection", "java/util/AbstractList", "java/util/AbstractSequentialList",
            "java/util/AbstractQueue", "java/util/AbstractSet", "java/util/AbstractMap",
            "java/util/ArrayList", "java/util/LinkedList", "java/util/ArrayDeque", "java/util/PriorityQueue",
            "java/util/Vector", "java/util/Stack", "java/util/HashMap", "java/util/LinkedHashMap",
            "java/util/HashSet", "java/util/LinkedHashSet", "java/util/TreeMap", "java/util/TreeSet",
            "java/util/EnumMap", "java/util/EnumSet",
            "java/util/RegularEnumSet", "java/util/JumboEnumSet", "java/util/BitSet", "java/util/Hashtable",
            "java/util/Dictionary", "java/util/Collections", "java/util/Arrays$ArrayList",
            "java/util/Calendar", "java/util/GregorianCalendar", "java/util/Date",
            "java/text/Format", "java/text/DateFormat", "java/text/SimpleDateFormat", "java/text/NumberFormat",
            "java/text/DecimalFormat", "java/text/DigitList", "java/text/FieldPosition", "java/text/ParsePosition",
            "java/text/CalendarBuilder", "java/text/ChoiceFormat", "java/text/MessageFormat",
            "java/text/DontCareFieldPosition", "java/text/DecimalFormatSymbols", "java/text/DateFormatSymbols");

    /** Packages of pure classes, and pure classes: internal names. */
    private static final List<String> PURE_PACKAGES = List.of(
            "java/util/function/", "java/util/stream/", "java/util/regex/", "java/math/", "java/time/");

    private static final Set<String> PURE_CLASSES = Set.of(
            "java/util/Objects", "java/util/Arrays", "java/util/Optional", "java/util/OptionalInt",
            "java/util/OptionalLong", "java/util/OptionalDouble", "java/util/Spliterator", "java/util/Spliterators",
            "java/util/Comparator", "java/util/StringJoiner", "java/util/UUID",
            "jdk/internal/util/ArraysSupport", "jdk/internal/util/Preconditions");

    /** Classes of {@code java.lang} that are opaque after all: they take locks or run class initializers. */
    private static final Set<String> OPAQUE_LANG = Set.of(
            "java/lang/StringBuffer", "java/lang/Class", "java/lang/ClassLoader", "java/lang/Runtime",
            "java/lang/Process", "java/lang/ProcessBuilder", "java/lang/ProcessHandle", "java/lang/Module",
            "java/lang/ModuleLayer", "java/lang/Package", "java/lang/ThreadGroup", "java/lang/StackWalker",
            "java/lang/System$Logger");

    private JdkScope() {
    }

    /** Whether {@code internalName} is the JDK's. */
    public static boolean isJdk(String internalName) {
        return CodeOrigin.isJdk(internalName);
    }

    /** Whether {@code internalName} (or the class it is nested in) is explored. */
    public static boolean isExplored(String internalName) {
        if (EXPLORED.contains(internalName)) {
            return true;
        }
        int nested = internalName.indexOf('$');
        return nested > 0 && EXPLORED.contains(internalName.substring(0, nested));
    }

    /**
     * Whether a static method of {@code internalName}, an explored class, is explored when called from outside its
     * class: the utility methods of {@code Collections} work on the collections they are given; other static methods
     * are factories that consult the JDK's caches.
     */
    static boolean exploresStaticMethods(String internalName) {
        return internalName.equals("java/util/Collections");
    }

    /** Whether two internal names belong to one top-level class (its nest). */
    static boolean sameNest(String first, String second) {
        return topLevel(first).equals(topLevel(second));
    }

    private static String topLevel(String internalName) {
        int nested = internalName.indexOf('$');
        return nested < 0 ? internalName : internalName.substring(0, nested);
    }

    /** {@link #isExplored(String)} for a binary name, {@code java.util.HashMap$Node}. */
    public static boolean isExploredClass(String binaryName) {
        return isExplored(binaryName.replace('.', '/'));
    }

    /** Whether calling into {@code internalName}, a JDK class, needs no care at all. */
    static boolean isPure(String internalName) {
        if (PURE_CLASSES.contains(internalName)) {
            return true;
        }
        for (String prefix : PURE_PACKAGES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        if (internalName.startsWith("java/lang/") && internalName.indexOf('/', "java/lang/".length()) < 0) {
            int nested = internalName.indexOf('$');
            return !OPAQUE_LANG.contains(nested < 0 ? internalName : internalName.substring(0, nested));
        }
        return false;
    }
}
