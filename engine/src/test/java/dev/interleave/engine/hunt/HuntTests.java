package dev.interleave.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.hunt.HuntedCorrect;
import dev.interleave.fixtures.hunt.HuntedCounter;
import dev.interleave.fixtures.hunt.HuntedFreshState;
import dev.interleave.fixtures.hunt.HuntedMisfits;
import dev.interleave.fixtures.hunt.HuntedShapes;
import dev.interleave.fixtures.hunt.KeptCounter;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class HuntTests {

    @Test
    void huntingIsOffUnlessAskedFor() {
        EngineExecutionResults results = EngineTestKit.engine("interleave").selectors(selectClass(HuntedCounter.class))
                .execute();

        assertThat(results.allEvents().list()).as("only the engine's own start and finish").hasSize(2);
    }

    @Test
    void findsTheLostUpdateOfAPlainJupiterTestAndItsFileReplaysIt() throws IOException {
        Path folder = freshFolder();

        EngineExecutionResults hunted = hunt(folder, HuntedCounter.class, "interleave.hunt.perTest", "60s");

        ConcurrencyFailure finding = onlyFailure(hunted);
        assertThat(finding.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(finding.getCause()).hasMessageContaining("expected: <2> but was: <1>");
        Path file = finding.scheduleFile().orElseThrow();
        assertThat(file).exists().startsWith(folder);
        assertThat(finding.getMessage()).contains("hunted HuntedCounter.twoIncrements()")
                .contains("Replay it exactly: ")
                .contains("-Dinterleave.hunt=true -Dinterleave.hunt.include=" + HuntedCounter.class.getName()
                        + "#twoIncrements -Dinterleave.replay=" + file)
                .contains("Keep it as a regression test");

        EngineExecutionResults replayed = hunt(folder, HuntedCounter.class, "interleave.replay", file.toString());

        ConcurrencyFailure again = onlyFailure(replayed);
        assertThat(again.getMessage()).contains("failed when replaying " + file);
        assertThat(again.getCause()).hasMessageContaining("expected: <2> but was: <1>");
        assertThat(interleaving(again)).isEqualTo(interleaving(finding));
    }

    @Test
    void aFindingIsReplayedFirstOnTheNextHunt() throws IOException {
        Path folder = freshFolder();
        Path file = onlyFailure(hunt(folder, HuntedCounter.class, "interleave.hunt.perTest", "60s"))
                .scheduleFile().orElseThrow();

        ConcurrencyFailure remembered = onlyFailure(hunt(folder, HuntedCounter.class,
                "interleave.hunt.perTest", "60s"));

        assertThat(remembered.getMessage()).contains("failed when replaying " + file);
        assertThat(summary(folder)).contains("\"schedules\": 1,");
    }

    @Test
    void correctTestsRunAsJupiterRunsThemAndPass() throws IOException {
        Path folder = freshFolder();
        int beforeEach = HuntedCorrect.BEFORE_EACH.get();
        int afterEach = HuntedCorrect.AFTER_EACH.get();

        EngineExecutionResults results = hunt(folder, HuntedCorrect.class, "interleave.hunt.perTest", "8s");

        List<Event> finished = results.testEvents().finished().list();
        assertThat(finished.stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("atomicIncrements()", "resolvedParameters(Path, TestInfo)",
                        "[1] 1", "[2] 2", "[3] 3", "repetition 1 of 2",
                        "repetition 2 of 2");
        assertThat(finished).allSatisfy(event -> assertThat(event.getRequiredPayload(TestExecutionResult.class)
                .getStatus()).as("%s", event).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        String summary = summary(folder);
        assertThat(summary).doesNotContain("\"verdict\": \"finding\"").doesNotContain("not huntable")
                .contains("\"findings\": 0");
        Map<String, Long> schedules = schedulesByTest(summary);
        assertThat(schedules).hasSize(7);
        long all = schedules.values().stream().mapToLong(Long::longValue).sum();
        assertThat(all).isPositive();
        int calls = HuntedCorrect.BEFORE_EACH.get() - beforeEach;
        assertThat(calls).as("Jupiter's @BeforeEach ran for the straight runs and every schedule")
                .isGreaterThanOrEqualTo((int) all + 7);
        assertThat(HuntedCorrect.AFTER_EACH.get() - afterEach)
                .as("@AfterEach too, but in the last schedule of a test, which its deadline may cut short")
                .isBetween(calls - 7, calls);
    }

    @Test
    void everyScheduleRunsOnAFreshInstanceWithItsOwnLifecycle() throws IOException {
        Path folder = freshFolder();
        int constructed = HuntedFreshState.CONSTRUCTED.get();
        int beforeEach = HuntedFreshState.BEFORE_EACH.get();
        int afterEach = HuntedFreshState.AFTER_EACH.get();
        int folders = HuntedFreshState.FOLDERS.size();

        EngineExecutionResults results = hunt(folder, HuntedFreshState.class, "interleave.hunt.perTest", "6s");

        List<Event> finished = results.testEvents().finished().list();
        assertThat(finished.stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("startsFromAFreshInstance()", "[1] 1", "[2] 2");
        assertThat(finished).allSatisfy(event -> assertThat(event.getRequiredPayload(TestExecutionResult.class)
                .getStatus()).as("%s", event).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        Map<String, Long> schedules = schedulesByTest(summary(folder));
        long fresh = schedules.get(HuntedFreshState.class.getName() + "#startsFromAFreshInstance");
        long all = schedules.values().stream().mapToLong(Long::longValue).sum();
        assertThat(fresh).as("schedules enough to reuse what a schedule left").isGreaterThan(2);
        int instances = HuntedFreshState.CONSTRUCTED.get() - constructed;
        assertThat(instances).as("an instance for each straight run and each schedule")
                .isGreaterThanOrEqualTo((int) all + 3);
        assertThat(HuntedFreshState.BEFORE_EACH.get() - beforeEach)
                .as("one @BeforeEach per instance (the last schedule of each test may be cut before it)")
                .isBetween(instances - 3, instances);
        assertThat(HuntedFreshState.AFTER_EACH.get() - afterEach)
                .as("one @AfterEach per instance, but in the last schedule of a test, which its deadline may cut")
                .isBetween(instances - 3, instances);
        assertThat(HuntedFreshState.FOLDERS.size() - folders).as("a @TempDir of its own for every schedule")
                .isGreaterThanOrEqualTo((int) fresh);
    }

    @Test
    void factoriesAndNestedClassesAreHuntedToo() throws IOException {
        Path folder = freshFolder();

        EngineExecutionResults results = hunt(folder, HuntedShapes.class, "interleave.hunt.perTest", "6s");

        List<Event> finished = results.testEvents().finished().list();
        assertThat(finished.stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("first", "second", "usesTheOuterInstance()");
        assertThat(finished).allSatisfy(event -> assertThat(event.getRequiredPayload(TestExecutionResult.class)
                .getStatus()).as("%s", event).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(schedulesByTest(summary(folder))).containsOnlyKeys(
                HuntedShapes.class.getName() + "#twoDynamicTests[1]",
                HuntedShapes.class.getName() + "#twoDynamicTests[2]",
                HuntedShapes.class.getName() + "$Inner#usesTheOuterInstance");
    }

    @Test
    void aTestThatFailsStraightIsAPlainFailureAndOneTheSchedulerCannotManageIsNotHuntable() throws IOException {
        Path folder = freshFolder();

        EngineExecutionResults results = hunt(folder, HuntedMisfits.class, "interleave.hunt.perTest", "5s");

        Event failed = results.testEvents().failed().list().get(0);
        assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("alwaysFails()");
        Throwable plain = failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(plain).isNotInstanceOf(ConcurrencyFailure.class)
                .hasMessage("fails on every run, threads or not");
        Event aborted = results.testEvents().aborted().list().get(0);
        assertThat(aborted.getTestDescriptor().getDisplayName()).isEqualTo("usesATimer()");
        assertThat(aborted.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .hasMessageStartingWith("not huntable: schedule 1 of round 0")
                .hasMessageContaining("java.util.Timer");
        assertThat(summary(folder)).contains("\"verdict\": \"failed\"").contains("\"verdict\": \"not huntable\"");
    }

    @Test
    void shardsHuntDisjointRoundsAndEachShardAgainFindsTheSame() throws IOException {
        Path first = freshFolder();
        Path second = freshFolder();
        Path firstAgain = freshFolder();

        Path one = onlyFailure(hunt(first, HuntedCounter.class, "interleave.shard", "1/2",
                "interleave.seed", "7", "interleave.hunt.perTest", "60s")).scheduleFile().orElseThrow();
        Path two = onlyFailure(hunt(second, HuntedCounter.class, "interleave.shard", "2/2",
                "interleave.seed", "7", "interleave.hunt.perTest", "60s")).scheduleFile().orElseThrow();
        Path oneAgain = onlyFailure(hunt(firstAgain, HuntedCounter.class, "interleave.shard", "1/2",
                "interleave.seed", "7", "interleave.hunt.perTest", "60s")).scheduleFile().orElseThrow();

        assertThat(one.getFileName().toString()).startsWith("twoIncrements-7-");
        assertThat(two.getFileName().toString()).startsWith("twoIncrements-7-r1-");
        assertThat(oneAgain.getFileName()).isEqualTo(one.getFileName());
        assertThat(Files.readAllBytes(oneAgain)).isEqualTo(Files.readAllBytes(one));
        assertThat(first.resolve("hunt-1-of-2.json")).exists();
        assertThat(second.resolve("hunt-2-of-2.json")).exists();
    }

    @Test
    void aFindingReplaysAsAConcurrencyTestOfTheSameMethod() throws IOException {
        Path folder = freshFolder();
        // Interleave runs the method both as a @ConcurrencyTest and, hunting, as the Jupiter test it is too
        ConcurrencyFailure finding = (ConcurrencyFailure) hunt(folder, KeptCounter.class,
                "interleave.hunt.perTest", "60s").testEvents().failed().list().stream()
                .filter(event -> event.getTestDescriptor().getUniqueId().toString().contains(HuntTestDescriptor.SEGMENT))
                .findFirst().orElseThrow().getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        Path file = finding.scheduleFile().orElseThrow();
        assertThat(finding.getMessage()).contains("@ConcurrencyTest(replay = \"" + file + "\")");

        EngineExecutionResults kept = EngineTestKit.engine("interleave")
                .selectors(DiscoverySelectors.selectMethod(KeptCounter.class, "twoIncrements"))
                .configurationParameter("interleave.replay", file.toString())
                .configurationParameter("interleave.failures.dir", freshFolder().toString())
                .execute();

        ConcurrencyFailure replayed = onlyFailure(kept);
        assertThat(replayed.getMessage()).contains("failed when replaying " + file);
        assertThat(replayed.getMessage().substring(replayed.getMessage().indexOf("Interleaving,")))
                .isEqualTo(interleaving(finding));
    }

    private static EngineExecutionResults hunt(Path folder, Class<?> testClass, String... parameters) {
        EngineTestKit.Builder builder = EngineTestKit.engine("interleave").selectors(selectClass(testClass))
                .configurationParameter("interleave.hunt", "true")
                .configurationParameter("interleave.failures.dir", folder.toString());
        for (int i = 0; i < parameters.length; i += 2) {
            builder.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return builder.execute();
    }

    private static ConcurrencyFailure onlyFailure(EngineExecutionResults results) {
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        Throwable thrown = failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(thrown).isInstanceOf(ConcurrencyFailure.class);
        return (ConcurrencyFailure) thrown;
    }

    private static String interleaving(ConcurrencyFailure failure) {
        String message = failure.getMessage();
        return message.substring(message.indexOf("Interleaving,"), message.indexOf("\n\nKeep it"));
    }

    private static String summary(Path folder) throws IOException {
        return Files.readString(folder.resolve("hunt.json"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> schedulesByTest(String summary) {
        List<Map<String, Object>> tests = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(summary))
                .get("tests");
        return tests.stream().collect(Collectors.toMap(test -> (String) test.get("test"),
                test -> (Long) test.get("schedules")));
    }

    static Path freshFolder() throws IOException {
        Path target = Paths.get("target");
        Files.createDirectories(target);
        return Files.createTempDirectory(target, "interleave-hunt-").toAbsolutePath();
    }
}
