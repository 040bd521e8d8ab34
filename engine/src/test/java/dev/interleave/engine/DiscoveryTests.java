package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.stream.Collectors;

import dev.interleave.fixtures.CorrectPrograms;
import dev.interleave.fixtures.InheritingSubclass;
import dev.interleave.fixtures.NoConcurrencyTests;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;

class DiscoveryTests {

    private static List<String> discovered(DiscoverySelector selector) {
        TestDescriptor engine = EngineTestKit.engine("interleave").selectors(selector).discover()
                .getEngineDescriptor();
        return engine.getDescendants().stream().filter(TestDescriptor::isTest)
                .map(descriptor -> descriptor.getUniqueId().toString()).sorted().collect(Collectors.toList());
    }

    @Test
    void aClassSelectorFindsEveryConcurrencyTestMethod() {
        assertThat(discovered(selectClass(CorrectPrograms.class))).containsExactly(
                "[engine:interleave]/[class:dev.interleave.fixtures.CorrectPrograms]/[method:synchronizedCounter()]",
                "[engine:interleave]/[class:dev.interleave.fixtures.CorrectPrograms]/[method:waitNotifyHandOff()]");
    }

    @Test
    void aMethodSelectorFindsThatMethodOnly() {
        assertThat(discovered(selectMethod(CorrectPrograms.class, "waitNotifyHandOff"))).containsExactly(
                "[engine:interleave]/[class:dev.interleave.fixtures.CorrectPrograms]/[method:waitNotifyHandOff()]");
    }

    @Test
    void aPackageSelectorFindsTheClassesWithConcurrencyTests() {
        List<String> tests = discovered(selectPackage("dev.interleave.fixtures"));

        assertThat(tests).contains(
                "[engine:interleave]/[class:dev.interleave.fixtures.CorrectPrograms]/[method:synchronizedCounter()]",
                "[engine:interleave]/[class:dev.interleave.fixtures.LostUpdateCounter]/[method:twoIncrements()]");
        assertThat(tests).noneMatch(id -> id.contains("NoConcurrencyTests") || id.contains("BaseWithConcurrencyTest"));
    }

    @Test
    void aUniqueIdRediscoversItsTest() {
        String id = "[engine:interleave]/[class:dev.interleave.fixtures.CorrectPrograms]/[method:synchronizedCounter()]";

        assertThat(discovered(selectUniqueId(UniqueId.parse(id)))).containsExactly(id);
    }

    @Test
    void aClassWithoutConcurrencyTestsYieldsNothing() {
        assertThat(discovered(selectClass(NoConcurrencyTests.class))).isEmpty();
    }

    @Test
    void inheritedConcurrencyTestsBelongToTheSubclass() {
        assertThat(discovered(selectClass(InheritingSubclass.class))).containsExactly(
                "[engine:interleave]/[class:dev.interleave.fixtures.InheritingSubclass]/[method:inherited()]");
        assertThat(EngineRuns.run(InheritingSubclass.class, "inherited").passed()).isTrue();
    }
}
