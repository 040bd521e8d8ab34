package dev.interleave.usertests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hunt of the user's plain Jupiter tests in {@code com.example.warehouse}, as a CI matrix of two jobs runs it:
 * Surefire, in this module's {@code hunt-shard-1} and {@code hunt-shard-2} executions, with
 * {@code -Dinterleave.hunt=true}, a small budget and {@code -Dinterleave.shard=1/2} or {@code 2/2}. The flaky test
 * must be found in one shard at least, no correct test may be reported, the summary must merge both shards, and the
 * finding's schedule must replay the same failure, with the same interleaving, in another JVM: the Console Launcher's,
 * given the settings the finding's report prints. The budget is small ({@code usertests.hunt.budget} in the pom): the
 * race is found within the first few schedules of either shard's round, each seeded from the fixed seed.
 */
class HuntTests {

    private static final Path RUNS = Path.of(UserProjectTests.required("usertests.dir"));
    private static final String PACKAGE = "com.example.warehouse";
    private static final String CLASS = "DockPoolTest";
    private static final String FLAKY = CLASS + ".twoTrucksNeverShareADock";
    private static final List<String> CORRECT = List.of(CLASS + ".aTruckGetsAFreeDock",
            CLASS + ".aDockGivenBackIsFreeAgain", CLASS + ".twoTrucksGiveBackAtOnce");
    private static final String BUG = "both trucks were sent to dock";
    private static final Pattern REPLAY_LINE = Pattern.compile("Replay it exactly: (mvn test .*)");

    private static List<ProjectRun> shards;

    @BeforeAll
    static void readTheShards() throws IOException {
        shards = new ArrayList<>();
        for (String shard : List.of("hunt-shard-1", "hunt-shard-2")) {
            Path reports = RUNS.resolve(shard);
            shards.add(ProjectRun.read(shard, reports, ProjectRun.files(reports, "", "-output.txt")));
        }
    }

    @Test
    void eachShardHuntsEveryTestAndReportsNoCorrectOne() {
        for (ProjectRun shard : shards) {
            List<String> all = new ArrayList<>(CORRECT);
            all.add(FLAKY);
            assertThat(shard.tests()).as("the tests %s reported", shard.name())
                    .containsExactlyInAnyOrderElementsOf(all);
            for (String correct : CORRECT) {
                TestOutcome outcome = shard.outcome(correct).orElseThrow();
                assertThat(outcome.passed()).as("%s in %s: %s", correct, shard.name(), outcome.failure()).isTrue();
            }
            TestOutcome flaky = shard.outcome(FLAKY).orElseThrow();
            if (!flaky.passed()) {
                assertThat(flaky.failure()).as("%s in %s", FLAKY, shard.name()).startsWith("failure: ").contains(BUG);
            }
            assertThat(shard.counts().errors() + shard.counts().skipped()).as("errors and skipped (not huntable)"
                    + " tests in %s: %s", shard.name(), shard.counts()).isZero();
        }
    }

    @Test
    void theFlakyTestIsFoundWithTheLineThatReplaysIt() {
        assertThat(finding()).as("the finding of %s in either shard", FLAKY).isPresent();
        TestOutcome found = finding().orElseThrow();
        assertThat(found.failure()).contains("Schedule saved: ").containsPattern(REPLAY_LINE)
                .contains("-Dinterleave.hunt=true").contains("-Dinterleave.replay=");
    }

    @Test
    void theSummaryMergesBothShards() throws IOException {
        String summary = Files.readString(RUNS.resolve("hunt").resolve("hunt.json"), StandardCharsets.UTF_8);
        String seed = UserProjectTests.required("usertests.hunt.seed");
        assertThat(summary).contains("\"shards\": [\"1/2\", \"2/2\"]")
                .contains("\"seeds\": [\"" + seed + "\"]")
                .containsPattern("\"test\": \"" + PACKAGE + "." + FLAKY.replace('.', '#')
                        + "\", [^\\n]*\"verdict\": \"finding\"")
                .contains("\"totals\": {\"tests\": 4, ")
                .contains("\"findings\": 1}");
        for (String correct : CORRECT) {
            assertThat(summary).containsPattern("\"test\": \"" + PACKAGE + "." + correct.replace('.', '#')
                    + "\", [^\\n]*\"verdict\": \"passed\"[^\\n]*"
                    + "\"shards\": \\{\"1/2\": \"passed\", \"2/2\": \"passed\"}");
        }
        Matcher file = Pattern.compile("-Dinterleave\\.replay=(\\S+)").matcher(finding().orElseThrow().failure());
        assertThat(file.find()).isTrue();
        assertThat(summary).as("the finding's file in the summary").contains(Path.of(unquoted(file.group(1)))
                .getFileName().toString());
    }

    /**
     * The line the finding's report prints, {@code mvn test -Dtest=... -Dinterleave.hunt=true
     * -Dinterleave.hunt.include=... -Dinterleave.replay=...}, given to the Console Launcher in a JVM of its own: its
     * {@code interleave.*} settings as {@code --config}, its test as a method selector.
     */
    @Test
    void theFindingReplaysInTheConsoleLauncherInAnotherJvm() throws IOException, InterruptedException {
        TestOutcome found = finding().orElseThrow();
        Matcher line = REPLAY_LINE.matcher(found.failure());
        assertThat(line.find()).isTrue();
        Map<String, String> settings = new TreeMap<>();
        String test = null;
        for (String word : words(line.group(1))) {
            if (word.startsWith("-Dtest=")) {
                test = word.substring("-Dtest=".length());
            } else if (word.startsWith("-Dinterleave.")) {
                int equals = word.indexOf('=');
                settings.put(word.substring(2, equals), word.substring(equals + 1));
            }
        }
        assertThat(test).as("the test the replay line names").isEqualTo(FLAKY.replace('.', '#'));
        assertThat(settings).containsEntry("interleave.hunt", "true").containsKey("interleave.replay");
        Path file = Path.of(settings.get("interleave.replay"));

        Path folder = RUNS.resolve("hunt-replay");
        Files.createDirectories(folder);
        for (Path stale : ProjectRun.files(folder, "TEST-", ".xml")) {
            Files.delete(stale);
        }
        List<String> arguments = new ArrayList<>(List.of("execute", "--disable-banner", "--disable-ansi-colors",
                "--details=tree", "--select-method=" + PACKAGE + "." + test, "--reports-dir=" + folder));
        settings.forEach((key, value) -> arguments.add("--config=" + key + "=" + value));
        arguments.add("--config=interleave.failures.dir=" + folder.resolve("schedules"));
        Path output = folder.resolve("output.txt");
        // the agent on the command line, as the README recommends: a JVM that attaches it itself replays the same
        ChildJvm jvm = ChildJvm.start(List.of("-javaagent:" + UserProjectTests.required("usertests.agentJar")),
                ConsoleLauncher.classPath(RUNS,
                UserProjectTests.required("usertests.testClasses")), ConsoleLauncher.MAIN_CLASS, arguments, output);
        int exit;
        try {
            exit = jvm.await(ChildJvm.deadline(Duration.ofSeconds(
                    Long.parseLong(UserProjectTests.required("usertests.timeoutSeconds")))));
        } finally {
            jvm.kill();
        }
        assertThat(exit).as("the Console Launcher's exit code: 1, the test failed; its output is in %s", output)
                .isEqualTo(1);
        ProjectRun replay = ProjectRun.read("hunt-replay", folder, List.of(output));
        TestOutcome replayed = replay.outcome(FLAKY).orElseThrow();
        assertThat(replayed.passed()).as("the replay of %s", file).isFalse();
        assertThat(replayed.failure()).contains("failed when replaying " + file).contains(BUG);
        assertThat(interleaving(replayed.failure())).as("the interleaving replayed from %s", file)
                .isEqualTo(interleaving(found.failure()));
    }

    /** The flaky test's failure in the first shard that found it. */
    private static Optional<TestOutcome> finding() {
        return shards.stream().map(shard -> shard.outcome(FLAKY)).flatMap(Optional::stream)
                .filter(outcome -> !outcome.passed()).findFirst();
    }

    private static String interleaving(String failure) {
        int start = failure.indexOf("\nInterleaving, ");
        assertThat(start).as("the interleaving table in %s", failure).isNotNegative();
        int end = failure.indexOf("\n\n", start + 1);
        return failure.substring(start + 1, end < 0 ? failure.length() : end);
    }

    /** The words of a command line as a POSIX shell splits them: at spaces, outside single quotes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.strip().toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    private static String unquoted(String word) {
        return words(word).get(0);
    }
}
