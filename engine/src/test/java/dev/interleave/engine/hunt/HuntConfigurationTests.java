package dev.interleave.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.interleave.fixtures.hunt.HuntedCorrect;
import dev.interleave.fixtures.hunt.HuntedCounter;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class HuntConfigurationTests {

    @Test
    void durationsNeedAUnitAndBadValuesSayWhatToGive() {
        assertThat(HuntSettings.duration(HuntSettings.BUDGET, "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(HuntSettings.duration(HuntSettings.BUDGET, "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(HuntSettings.duration(HuntSettings.PER_TEST, "500ms")).isEqualTo(Duration.ofMillis(500));
        for (String bad : List.of("10", "0s", "ten minutes", "-5s", "99999999999999999999h")) {
            assertThatThrownBy(() -> settings(HuntSettings.BUDGET, bad)).isInstanceOf(JUnitException.class)
                    .hasMessage("-Dinterleave.hunt.budget=" + bad + " is not a duration: give a positive whole"
                            + " number with a unit, ms, s, m or h, such as 90s or 10m");
        }
    }

    @Test
    void aShardIsOneOfNAndAnythingElseIsRefused() {
        HuntSettings second = settings(HuntSettings.SHARD, "2/8");
        assertThat(second.shard).isEqualTo(2);
        assertThat(second.shards).isEqualTo(8);
        for (String bad : List.of("0/8", "9/8", "2", "2/0", "a/b", "1/99999999999")) {
            assertThatThrownBy(() -> settings(HuntSettings.SHARD, bad)).isInstanceOf(JUnitException.class)
                    .hasMessageStartingWith("-Dinterleave.shard=" + bad + " is not a shard: give i/n");
        }
    }

    @Test
    void withoutABudgetEachTestGetsItsDefaultBound() {
        HuntSettings defaults = settings("unrelated", "x");
        assertThat(defaults.budget).isNull();
        assertThat(defaults.perTest).isEqualTo(HuntSettings.DEFAULT_PER_TEST);
        HuntSettings budgeted = settings(HuntSettings.BUDGET, "5m");
        assertThat(budgeted.perTest).as("the budget alone shares the time out").isNull();
    }

    @Test
    void patternsMatchQualifiedClassesAndMethods() {
        TestPatterns patterns = TestPatterns.parse(HuntSettings.INCLUDE, "com.acme.**, **.*CacheTest,"
                + " org.pool.PoolTest#borrow*");
        assertThat(patterns.matches("com.acme.deep.Thing", "any")).isTrue();
        assertThat(patterns.matches("org.x.LruCacheTest", "any")).isTrue();
        assertThat(patterns.matches("org.x.LruCacheTest$Nested", "any")).as("a nested class of a match").isTrue();
        assertThat(patterns.matches("org.pool.PoolTest", "borrowTwice")).isTrue();
        assertThat(patterns.matches("org.pool.PoolTest", "release")).isFalse();
        assertThat(TestPatterns.parse(HuntSettings.INCLUDE, "com.acme.*").matches("com.acme.deep.Thing", "m"))
                .as("* stays within one name").isFalse();
        assertThatThrownBy(() -> TestPatterns.parse(HuntSettings.INCLUDE, "com.acme/Thing"))
                .hasMessageContaining("'com.acme/Thing' is not a test pattern");
    }

    @Test
    void huntingOtherThanTrueOrFalseIsRefused() {
        assertThatThrownBy(() -> HuntSettings.enabled(parameters(Map.of(HuntSettings.HUNT, "yes"))))
                .hasMessage("-Dinterleave.hunt=yes is neither true nor false; give one of them");
        assertThat(HuntSettings.enabled(parameters(Map.of()))).isFalse();
    }

    @Test
    void shardSummariesMergeIntoOneWhateverOrderTheyWereWrittenIn() throws IOException {
        Path folder = HuntTests.freshFolder();
        HuntSummary second = new HuntSummary(folder, 2, 2, "nightly");
        second.add(new HuntSummary.Entry("a.B#m", 30, 20, 900, "finding", "thread 0 threw", List.of("b.schedule")));
        second.add(new HuntSummary.Entry("a.B#n", 10, 1, 100, "passed", "", List.of()));
        second.write();
        String afterOne = Files.readString(folder.resolve("hunt.json"));
        HuntSummary first = new HuntSummary(folder, 1, 2, "nightly");
        first.add(new HuntSummary.Entry("a.B#n", 12, 2, 110, "passed", "", List.of()));
        first.add(new HuntSummary.Entry("a.B#m", 40, 25, 1000, "passed", "", List.of()));
        first.write();
        String merged = Files.readString(folder.resolve("hunt.json"));

        assertThat(afterOne).contains("\"shards\": [\"2/2\"]");
        assertThat(merged).isEqualTo(Files.readString(HuntSummary.merge(folder, 2)))
                .contains("\"shards\": [\"1/2\", \"2/2\"]")
                .contains("{\"test\": \"a.B#m\", \"schedules\": 70, \"interleavings\": 45, \"millis\": 1900,"
                        + " \"verdict\": \"finding\", \"reason\": \"thread 0 threw\", \"files\": [\"b.schedule\"],"
                        + " \"shards\": {\"1/2\": \"passed\", \"2/2\": \"finding\"}}")
                .contains("\"totals\": {\"tests\": 2, \"schedules\": 92, \"findings\": 1}");
        assertThat(merged.indexOf("a.B#m")).isLessThan(merged.indexOf("a.B#n"));
        Files.writeString(folder.resolve("hunt-1-of-3.json"), "{\"shard\": \"1/3\", \"seed\": \"x\", \"tests\": []}");
        assertThat(Files.readString(HuntSummary.merge(folder, 2))).as("another split's file is left out")
                .isEqualTo(merged);
    }

    @Test
    void underALauncherJupiterLeavesTheHuntedTestsToInterleaveAndKeepsTheRest() {
        Launcher launcher = LauncherFactory.create();

        TestPlan plain = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(HuntedCounter.class), selectClass(HuntedCorrect.class)).build());
        TestPlan hunting = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(HuntedCounter.class), selectClass(HuntedCorrect.class))
                .configurationParameter(HuntSettings.HUNT, "true")
                .configurationParameter(HuntSettings.INCLUDE, HuntedCounter.class.getName()).build());

        assertThat(tests(plain, "junit-jupiter")).contains("twoIncrements()", "atomicIncrements()");
        assertThat(tests(plain, "interleave")).isEmpty();
        assertThat(tests(hunting, "junit-jupiter")).doesNotContain("twoIncrements()").contains("atomicIncrements()");
        assertThat(tests(hunting, "interleave")).containsExactly("twoIncrements()");
    }

    private static Set<String> tests(TestPlan plan, String engine) {
        return plan.getRoots().stream().filter(root -> root.getUniqueIdObject().getEngineId().orElse("")
                        .equals(engine))
                .flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest).map(TestIdentifier::getDisplayName).collect(Collectors.toSet());
    }

    private static HuntSettings settings(String key, String value) {
        return HuntSettings.resolve(parameters(Map.of(key, value)));
    }

    private static ConfigurationParameters parameters(Map<String, String> values) {
        return new ConfigurationParameters() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public Optional<Boolean> getBoolean(String key) {
                return get(key).map(Boolean::valueOf);
            }

            @Override
            public Set<String> keySet() {
                return values.keySet();
            }
        };
    }
}
