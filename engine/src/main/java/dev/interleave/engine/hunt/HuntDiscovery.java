package dev.interleave.engine.hunt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * With {@code interleave.hunt=true}: asks Jupiter which tests the request selects, as Jupiter would run them, and
 * takes those the hunt's patterns include, a descriptor per class and per test under Interleave's engine.
 */
public final class HuntDiscovery {

    private HuntDiscovery() {
    }

    /** Adds the hunted tests to {@code engine}; does nothing unless hunting is on. */
    public static void discover(EngineDiscoveryRequest request, TestDescriptor engine) {
        if (!HuntSettings.enabled(request.getConfigurationParameters())) {
            return;
        }
        HuntSettings settings = HuntSettings.resolve(request.getConfigurationParameters());
        Jupiter jupiter = Jupiter.of(request);
        Hunt hunt = new Hunt(jupiter, settings);
        Map<String, HuntClassDescriptor> classes = new LinkedHashMap<>();
        jupiter.discover(request).accept(descriptor -> {
            Optional<TestSource> source = descriptor.getSource();
            if (!descriptor.getChildren().isEmpty() || !(descriptor.isTest() || descriptor.mayRegisterTests())
                    || source.isEmpty() || !(source.get() instanceof MethodSource)) {
                return;
            }
            MethodSource method = (MethodSource) source.get();
            if (!settings.include.matches(method.getClassName(), method.getMethodName())
                    || settings.exclude.matches(method.getClassName(), method.getMethodName())) {
                return;
            }
            TestDescriptor jupiterClass = descriptor.getParent().orElseThrow();
            HuntClassDescriptor owner = classes.computeIfAbsent(jupiterClass.getUniqueId().toString(), key -> {
                HuntClassDescriptor created = new HuntClassDescriptor(engine.getUniqueId().append(
                        HuntClassDescriptor.SEGMENT, key), method.getClassName(), jupiterClass.getDisplayName(),
                        jupiterClass.getSource().orElse(ClassSource.from(method.getClassName())));
                engine.addChild(created);
                return created;
            });
            owner.addChild(new HuntTestDescriptor(owner.getUniqueId().append(HuntTestDescriptor.SEGMENT,
                    descriptor.getUniqueId().getLastSegment().getValue()), hunt, descriptor, method.getClassName(),
                    method.getMethodName(), method.getMethodParameterTypes(), method));
            hunt.counted();
            TakenTests.take(descriptor.getUniqueId());
        });
    }
}
