package dev.interleave.instrumentation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Map<String, Throwable> failed = new ConcurrentHashMap<>();
    private final AtomicInteger transformations = new AtomicInteger();

    @Override
    public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
            boolean loaded, DynamicType dynamicType) {
        instrumented.add(typeDescription.getName());
        failed.remove(typeDescription.getName());
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
    }

    void recordFailure(Class<?> type, Throwable throwable) {
        instrumented.remove(type.getName());
        failed.put(type.getName(), throwable);
    }

    public boolean isInstrumented(Class<?> type) {
        return instrumented.contains(type.getName());
    }

    public Optional<Throwable> failure(Class<?> type) {
        return Optional.ofNullable(failed.get(type.getName()));
    }
}
