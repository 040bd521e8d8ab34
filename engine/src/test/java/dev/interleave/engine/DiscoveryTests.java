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
import dev.interleave.fixtures.Misconfigured;
import dev.interleave.fixtures.NoConcurrencyTestMethods;
import dev.interleave.fixtures.Overloads;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class DiscoveryTests {

    private static final String CORRECT_PROGRAMS =
            "[engine:interleave]/[class:dev.interleave.fixtures.CorrectPrograms]";

    private static EngineDiscoveryResults discover(DiscoverySelector selector) {
        return EngineTestKit.engine("interleave").selectors(selector).discover();
    }

    /** The unique ids of the tests {@code selector} selects, sorted. */
    private static List<String> testIds(DiscoverySelector selector) {
        EngineDiscoveryResults results = discover(selector);
        assertThat(results.getDiscoveryIssues()).as("discovery issues").isEmpty();
        return results.getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest)
                .map(descriptor -> descriptor.getUniqueId().toString()).sorted().collect(Collectors.toList());
    }

    private static TestDescriptor onlyTest(DiscoverySelector selector) {
        List<TestDescriptor> tests = discover(selector).getEngineDescriptor().getDescendants().stream()
                .filter(TestDescriptor::isTest).collect(Collectors.toList());
        assertThat(tests).hasSize(1);
        return tests.get(0);
    }

    @Test
    void aClassSelectorFindsEveryConcurrencyTestMethodOfTheClass() {
        assertThat(testIds(selectClass(CorrectPrograms.class))).containsExactly(
                CORRECT_PROGRAMS + "/[method:synchronizedCounter()]",
                CORRECT_PROGRAMS + "/[method:waitNotifyHandOff()]");

        TestDescriptor engine = discover(selectClass(CorrectPrograms.class)).getEngineDescriptor();
        assertThat(engine.getChildren()).singleElement().satisfies(container -> {
            assertThat(container.isContainer()).isTrue();
            assertThat(container.getDisplayName()).isEqualTo("CorrectPrograms");
            assertThat(container.getSource()).contains(ClassSource.from(CorrectPrograms.class));
        });
    }

    @Test
    void aMethodSelectorFindsThatMethodOnly() {
        assertThat(testIds(selectMethod(CorrectPrograms.class, "waitNotifyHandOff")))
                .containsExactly(CORRECT_PROGRAMS + "/[method:waitNotifyHandOff()]");

        TestDescriptor test = onlyTest(selectMethod(CorrectPrograms.class, "waitNotifyHandOff"));
        assertThat(test.getDisplayName()).isEqualTo("waitNotifyHandOff()");
        assertThat(test.getSource()).get().isInstanceOfSatisfying(MethodSource.class, source -> {
            assertThat(source.getClassName()).isEqualTo(CorrectPrograms.class.getName());
            assertThat(source.getMethodName()).isEqualTo("waitNotifyHandOff");
        });
    }

    @Test
    void aPackageSelectorFindsTheClassesWithConcurrencyTests() {
        EngineDiscoveryResults results = discover(selectPackage("dev.interleave.fixtures"));
        List<String> tests = results.getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest)
                .map(descriptor -> descriptor.getUniqueId().toString()).collect(Collectors.toList());

        assertThat(tests).contains(
                CORRECT_PROGRAMS + "/[method:synchronizedCounter()]",
                CORRECT_PROGRAMS + "/[method:waitNotifyHandOff()]",
                "[engine:interleave]/[class:dev.interleave.fixtures.LostUpdateCounter]/[method:twoIncrements()]",
                "[engine:interleave]/[class:dev.interleave.fixtures.InheritingSubclass]/[method:inherited()]");
        assertThat(tests).doesNotHaveDuplicates()
                .noneMatch(id -> id.contains("NoConcurrencyTestMethods"))
                .noneMatch(id -> id.contains("[class:dev.interleave.fixtures.CounterBase]"));
    }

    @Test
    void theUniqueIdOfATestSelectsThatTestAgain() {
        List<String> ids = testIds(selectClass(CorrectPrograms.class));
        assertThat(ids).hasSize(2);

        for (String id : ids) {
            assertThat(testIds(selectUniqueId(UniqueId.parse(id)))).as("re-selecting %s", id).containsExactly(id);
        }
    }

    @Test
    void theUniqueIdOfATestClassSelectsAllItsTests() {
        assertThat(testIds(selectUniqueId(UniqueId.parse(CORRECT_PROGRAMS))))
                .isEqualTo(testIds(selectClass(CorrectPrograms.class)));
    }

    @Test
    void aTestSelectedByItsUniqueIdRuns() {
        EngineRuns run = EngineRuns.run(
                selectUniqueId(CORRECT_PROGRAMS + "/[method:synchronizedCounter()]"));

        run.assertPassedAll(300);
    }

    @Test
    void aClassWithoutConcurrencyTestsYieldsNothing() {
        EngineDiscoveryResults discovered = discover(selectClass(NoConcurrencyTestMethods.class));
        assertThat(discovered.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(discovered.getDiscoveryIssues()).isEmpty();

        EngineExecutionResults executed = EngineTestKit.engine("interleave")
                .selectors(selectClass(NoConcurrencyTestMethods.class)).execute();
        assertThat(executed.testEvents().started().count()).isZero();
        assertThat(executed.containerEvents().started().count()).as("only the engine itself").isEqualTo(1);
    }

    @Test
    void anInheritedConcurrencyTestIsDiscoveredUnderTheSubclass() {
        String id = "[engine:interleave]/[class:dev.interleave.fixtures.InheritingSubclass]/[method:inherited()]";

        assertThat(testIds(selectClass(InheritingSubclass.class))).containsExactly(id);
        TestDescriptor test = onlyTest(selectClass(InheritingSubclass.class));
        assertThat(test.getSource()).get().isInstanceOfSatisfying(MethodSource.class,
                source -> assertThat(source.getClassName()).isEqualTo(InheritingSubclass.class.getName()));
        assertThat(testIds(selectMethod(InheritingSubclass.class, "inherited"))).containsExactly(id);
        assertThat(testIds(selectUniqueId(id))).containsExactly(id);

        EngineRuns.run(InheritingSubclass.class, "inherited").assertPassedAll(5);
    }

    /**
     * A method with a parameter is discovered (so that running it fails with the reason); the unique id it is given
     * must select it again, as an IDE does to re-run one test.
     */
    @Test
    void theUniqueIdOfAMethodWithAParameterSelectsItAgain() {
        TestDescriptor test = onlyTest(selectMethod(Misconfigured.class, "takesAParameter", "int"));
        String id = test.getUniqueId().toString();

        assertThat(testIds(selectUniqueId(id))).containsExactly(id);
    }

    /** Overloads are two tests: the one that takes a parameter must be reported as failing, not dropped. */
    @Test
    void overloadedConcurrencyTestMethodsAreTwoTests() {
        EngineExecutionResults results = EngineTestKit.engine("interleave")
                .selectors(selectClass(Overloads.class)).execute();

        assertThat(results.testEvents().started().count()).isEqualTo(2);
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .map(Throwable::getMessage).collect(Collectors.toList()))
                .singleElement().asString().contains("count(int)").contains("takes parameters");
    }
}
