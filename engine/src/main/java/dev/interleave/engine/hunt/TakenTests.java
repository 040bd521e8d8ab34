package dev.interleave.engine.hunt;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The Jupiter tests a hunt took over: Interleave's engine reports them, each once, with the verdict of its hunt, so
 * the launcher leaves them out of Jupiter's own run (a service the launcher registers, applied after every engine
 * has discovered). With no hunt nothing is taken and every test passes this filter unchanged.
 */
public final class TakenTests implements PostDiscoveryFilter {

    private static final Set<UniqueId> TAKEN = ConcurrentHashMap.newKeySet();

    static void take(UniqueId jupiterTest) {
        TAKEN.add(jupiterTest);
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!TAKEN.isEmpty() && TAKEN.contains(descriptor.getUniqueId())) {
            return FilterResult.excluded("hunted by Interleave (interleave.hunt=true), which reports it");
        }
        return FilterResult.included("not hunted");
    }
}
