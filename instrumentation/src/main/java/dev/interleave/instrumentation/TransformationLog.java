package dev.interleave.instrumentation;

import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Which classes the agent instrumented and which it could not, so that the engine can refuse to run a test whose
 * class carries no scheduling points instead of silently testing nothing.
 */
public final class TransformationLog extends AgentBuilder.Listener.Adapter {

    private final Set<String> instrumented = ConcurrentHashMap.newKeySet();
    /** Of {@link #instrumented}, the classes that were already loaded: instrumented by retransformation. */
    private final Set<String> retransformed = ConcurrentHashMap.newKeySet();
    private final Map<String, Throwable> failed = new ConcurrentHashMap<>();
    /** The class loader of each class in {@link #failed}, so that a test sees only the failures it can reach. */
    private final Map<String, WeakReference<ClassLoader>> failedLoaders = new ConcurrentHashMap<>();
    private final AtomicInteger transformations = new AtomicInteger();

    @Override
    public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
            boolean loaded, DynamicType dynamicType) {
        instrumented.add(typeDescription.getName());
        if (loaded) {
            retransformed.add(typeDescription.getName());
        }
        failed.remove(typeDescription.getName());
        failedLoaders.remove(typeDescription.getName());
        transformations.incrementAndGet();
    }

    /** How many transformations there have been: when it has not moved, no class has been loaded and instrumented. */
    public int transformations() {
        return transformations.get();
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
            Throwable throwable) {
        failed.put(typeName, throwable);
        failedLoaders.put(typeName, new WeakReference<>(classLoader));
    }

    void recordFailure(Class<?> type, Throwable throwable) {
        instrumented.remove(type.getName());
        failed.put(type.getName(), throwable);
        failedLoaders.put(type.getName(), new WeakReference<>(type.getClassLoader()));
    }

    /**
     * Records, as failures, the application classes that were loaded before the agent and that it was never offered
     * to retransform: whatever kept them from it, their code would run unexplored.
     */
    void recordNeverOffered(Instrumentation instrumentation) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String name = type.getName();
            if (InstrumentationScope.isApplicationLoader(type.getClassLoader()) && !type.isInterface()
                    && !type.isArray() && !type.isSynthetic() && !type.isHidden()
                    && InstrumentationScope.isApplicationType(name) && instrumentation.isModifiableClass(type)
                    && !instrumented.contains(name) && !failed.containsKey(name)) {
                recordFailure(type, new IllegalStateException(
                        "it was loaded before the agent and never retransformed"));
            }
        }
    }

    /**
     * The application classes the agent could not instrument that code loaded by {@code loader} can reach (loaded by
     * it or by one of its parents), by name, with the reason.
     */
    public SortedMap<String, Throwable> failuresVisibleTo(ClassLoader loader) {
        SortedMap<String, Throwable> visible = new TreeMap<>();
        failed.forEach((name, cause) -> {
            WeakReference<ClassLoader> reference = failedLoaders.get(name);
            ClassLoader failedLoader = reference == null ? null : reference.get();
            if (failedLoader != null && InstrumentationScope.isApplicationType(name)
                    && isSelfOrParent(failedLoader, loader)) {
                visible.put(name, cause);
            }
        });
        return visible;
    }

    private static boolean isSelfOrParent(ClassLoader candidate, ClassLoader loader) {
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current == candidate) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code type} was instrumented as it loaded, rather than retransformed after the agent came in. */
    public boolean wasInstrumentedAsItLoaded(Class<?> type) {
        return isInstrumented(type) && !retransformed.contains(type.getName());
    }

    public boolean isInstrumented(Class<?> type) {
        return instrumented.contains(type.getName());
    }

    public Optional<Throwable> failure(Class<?> type) {
        return Optional.ofNullable(failed.get(type.getName()));
    }
}
