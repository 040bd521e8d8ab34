package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.stream.Collectors;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.Enclosing;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The tests of an inner ({@code @Nested}) class are found and run, on an instance of the class around it. */
class NestedClassTests {

    private static final String INNER = "[engine:interleave]/[class:dev.interleave.fixtures.Enclosing]"
            + "/[class:dev.interleave.fixtures.Enclosing$WithAnIncrement]";

    private static List<String> testIds(DiscoverySelector selector) {
        return EngineTestKit.engine("interleave").selectors(selector).discover().getEngineDescriptor()
                .getDescendants().stream().filter(TestDescriptor::isTest)
                .map(descriptor -> descriptor.getUniqueId().toString()).sorted().collect(Collectors.toList());
    }

    @Test
    void theEnclosingClassAndTheInnerClassBothSelectTheInnerTests() {
        List<String> expected = List.of(INNER + "/[method:lostUpdateOnTheEnclosingInstance()]",
                INNER + "/[method:seesTheEnclosingSetUp()]");

        assertThat(testIds(selectClass(Enclosing.class))).isEqualTo(expected);
        assertThat(testIds(selectClass(Enclosing.WithAnIncrement.class))).isEqualTo(expected);
        assertThat(testIds(selectClass("dev.interleave.fixtures.Enclosing$WithAnIncrement"))).isEqualTo(expected);
        assertThat(testIds(selectUniqueId(expected.get(1)))).containsExactly(expected.get(1));
        assertThat(testIds(selectUniqueId(INNER))).isEqualTo(expected);
    }

    @Test
    void aClassIsReportedUnderItsQualifiedNameAsJupiterReportsIt() {
        TestDescriptor inner = EngineTestKit.engine("interleave").selectors(selectClass(Enclosing.class)).discover()
                .getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isContainer)
                .filter(descriptor -> descriptor.getUniqueId().toString().equals(INNER)).findFirst().orElseThrow();

        assertThat(inner.getDisplayName()).isEqualTo("WithAnIncrement");
        assertThat(inner.getLegacyReportingName()).isEqualTo("dev.interleave.fixtures.Enclosing$WithAnIncrement");
        assertThat(inner.getParent().orElseThrow().getLegacyReportingName())
                .isEqualTo("dev.interleave.fixtures.Enclosing");
    }

    @Test
    void anInnerTestRunsWithTheEnclosingInstanceAndLifecycle() {
        EngineRuns.run(selectMethod(Enclosing.WithAnIncrement.class, "seesTheEnclosingSetUp")).assertPassedAll(5);

        assertThat(Enclosing.log()).containsExactly("outer before", "inner before", "inner after", "outer after");
    }

    @Test
    void aLostUpdateOnTheEnclosingInstanceIsFound() {
        ConcurrencyFailure failure = EngineRuns.run(selectMethod(Enclosing.WithAnIncrement.class,
                "lostUpdateOnTheEnclosingInstance")).failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).contains("expected: 13").contains("but was: 12");
    }
}
