package dev.interleave.usertests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The user's project in {@code com.example.shop}, run the five ways a user runs it: through Surefire and through the
 * JUnit Platform Console Launcher, each with the agent attached by the engine itself and with {@code -javaagent},
 * and through Surefire with the agent that {@code interleave-maven-plugin}'s {@code prepare-agent} puts on its
 * {@code argLine}.
 * Every bug must be found and every correct program must pass, and a fixed seed must give the same schedule of first
 * failure, the same interleaving, and for a passing test the same figures, in all five runs.
 *
 * <p>This module's pom runs the Surefire runs before this class (see there); this class runs the Console Launcher's.
 */
class UserProjectTests {

    private static final Path RUNS = Path.of(required("usertests.dir"));
    private static final Duration BOUND = Duration.ofSeconds(Long.parseLong(required("usertests.timeoutSeconds")));

    /** The README's recommended setup, to which every other run is compared. */
    private static ProjectRun reference;
    private static List<ProjectRun> runs;

    @BeforeAll
    static void runTheProjectEveryWay() throws IOException, InterruptedException {
        // the Console Launcher's two runs at once: each runs one thread at a time, under its scheduler
        ConsoleLauncherRun withAgent = ConsoleLauncherRun.start("console-javaagent", true);
        ConsoleLauncherRun selfAttached;
        try {
            selfAttached = ConsoleLauncherRun.start("console-self-attached", false);
        } catch (IOException | RuntimeException e) {
            withAgent.jvm.kill();
            throw e;
        }
        long deadline = ChildJvm.deadline(BOUND);
        List<ProjectRun> all = new ArrayList<>();
        try {
            all.add(surefireRun("surefire-javaagent"));
            all.add(surefireRun("surefire-plugin"));
            all.add(surefireRun("surefire-self-attached"));
            all.add(withAgent.finish(deadline));
            all.add(selfAttached.finish(deadline));
        } finally {
            withAgent.jvm.kill();
            selfAttached.jvm.kill();
        }
        reference = all.get(0);
        runs = List.copyOf(all);
    }

    @AfterAll
    static void printFigures() throws IOException {
        if (runs == null) {
            return;
        }
        String table = FiguresTable.of(UserProject.EXPECTATIONS, runs);
        Files.writeString(RUNS.resolve("figures.txt"), table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    @TestFactory
    Stream<DynamicTest> everyTestHasItsVerdictAndTheSameTraceInEveryRun() {
        return UserProject.EXPECTATIONS.stream().map(expected -> dynamicTest(expected.toString(), () -> {
            List<String> problems = new ArrayList<>();
            for (ProjectRun run : runs) {
                Optional<TestOutcome> outcome = run.outcome(expected.test());
                if (outcome.isEmpty()) {
                    problems.add(run.name() + " did not run it: its reports do not name it");
                } else {
                    problems.addAll(verdictProblems(expected, outcome.get(), run));
                }
            }
            if (problems.isEmpty()) {
                problems.addAll(differences(expected));
            }
            assertThat(problems).as("%s", expected).isEmpty();
        }));
    }

    /** A test added to the project without an expectation here would be run but never checked. */
    @Test
    void everyTestTheRunsReportHasAnExpectation() {
        Set<String> expected = UserProject.EXPECTATIONS.stream().map(Expectation::test)
                .collect(Collectors.toCollection(TreeSet::new));
        for (ProjectRun run : runs) {
            assertThat(run.tests()).as("the tests %s reported, each of which needs an expectation in %s", run.name(),
                    UserProject.class.getSimpleName()).isSubsetOf(expected);
        }
    }

    /**
     * What Surefire prints at the end of each run ({@code Tests run: .., Failures: ..}), from every run's XML reports:
     * every test ran, each bug is one failure, and nothing else failed, erred or was skipped.
     */
    @Test
    void everyRunCountsEveryTestAndOneFailurePerBug() {
        int bugs = (int) UserProject.EXPECTATIONS.stream().filter(test -> test.kind() == Expectation.Kind.FINDS_BUG)
                .count();
        ProjectRun.Counts expected = new ProjectRun.Counts(UserProject.EXPECTATIONS.size(), bugs, 0, 0);
        for (ProjectRun run : runs) {
            assertThat(run.counts()).as("the counts of %s's reports in %s", run.name(), run.reports())
                    .isEqualTo(expected);
        }
    }

    /**
     * {@code System.exit} on a worker fails its test, which names the call, and does not end the JVM: every test of
     * the run is still reported, and Surefire leaves no dump of a fork that "terminated without saying goodbye".
     */
    @Test
    void systemExitFailsItsTestAndTheForkRunsOn() throws IOException {
        for (ProjectRun run : runs) {
            TestOutcome exit = run.outcome(UserProject.EXIT_REFUSED).orElseThrow();
            assertThat(exit.failure()).as("%s in %s", UserProject.EXIT_REFUSED, run.name())
                    .contains("called System.exit(2), which would end the JVM")
                    .contains("at com.example.shop.ShutdownTest$Packer.pack(ShutdownTest.java:");
            assertThat(run.tests()).as("the tests %s reported after the call", run.name())
                    .hasSize(UserProject.EXPECTATIONS.size());
            assertThat(ProjectRun.files(run.reports(), "", ".dump")).as("Surefire's dumps of a fork that ended"
                    + " unexpectedly, in %s", run.reports()).isEmpty();
        }
    }

    /**
     * A thread spinning on a local is a hang once the project's watchdog bound has passed (and well before the
     * default bound), and the JVM stays usable: a test run after it in the same JVM passes.
     */
    @Test
    void aSpinningThreadIsAHangWithinTheWatchdogsBoundAndTheNextTestRuns() {
        Pattern ranFor = Pattern.compile("ran for (\\d+) ms without reaching a scheduling point");
        for (ProjectRun run : runs) {
            TestOutcome spins = run.outcome(UserProject.SPINS).orElseThrow();
            Matcher matcher = ranFor.matcher(spins.failure());
            assertThat(matcher.find()).as("%s in %s: %s", UserProject.SPINS, run.name(), spins.headline()).isTrue();
            assertThat(Long.parseLong(matcher.group(1))).as("how long the watchdog let it run in %s", run.name())
                    .isBetween((long) UserProject.WATCHDOG_MILLIS, 10_000L - 1);
            List<String> after = new ArrayList<>();
            for (List<ConsoleLine> lines : run.consoleLines()) {
                int hang = lines.stream().map(ConsoleLine::test).toList().indexOf(UserProject.SPINS);
                if (hang >= 0) {
                    lines.subList(hang + 1, lines.size()).stream().filter(line -> line.verdict().equals("passed"))
                            .map(ConsoleLine::test).forEach(after::add);
                }
            }
            assertThat(after).as("the tests that passed after it in the same JVM, in %s", run.name()).isNotEmpty();
        }
    }

    private static List<String> verdictProblems(Expectation expected, TestOutcome outcome, ProjectRun run) {
        List<String> problems = new ArrayList<>();
        String where = run.name() + ": ";
        String console = outcome.consoleLine().map(line -> " after " + line.figures()).orElse("");
        switch (expected.kind()) {
            case FINDS_BUG -> {
                if (outcome.passed()) {
                    problems.add(where + "passed" + console + ", but it must find its bug");
                } else if (!outcome.headline().contains(expected.failure())) {
                    problems.add(where + "failed with \"" + outcome.headline() + "\", not with " + expected.failure());
                } else if (outcome.foundInSchedule().isEmpty()) {
                    problems.add(where + "its failure names no schedule: " + outcome.headline());
                } else {
                    expected.mentions().stream().filter(text -> !outcome.failure().contains(text)).forEach(text ->
                            problems.add(where + "its failure does not name " + text + ": " + outcome.headline()));
                }
            }
            case PASSES_EXPLORATION -> {
                if (!outcome.passed()) {
                    problems.add(where + "failed, but the program is correct: " + outcome.headline());
                } else if (outcome.consoleLine().isEmpty()) {
                    problems.add(where + "passed without the engine's console line: was it explored at all?");
                } else if (outcome.consoleLine().get().schedules() != UserProject.SCHEDULES) {
                    problems.add(where + "passed after " + outcome.consoleLine().get().schedules()
                            + " schedules, not its budget of " + UserProject.SCHEDULES);
                }
            }
            case PASSES -> {
                if (!outcome.passed()) {
                    problems.add(where + "failed: " + outcome.headline());
                }
            }
        }
        return problems;
    }

    /** What differs from the reference run, once every run has the expected verdict. */
    private static List<String> differences(Expectation expected) {
        List<String> problems = new ArrayList<>();
        TestOutcome wanted = reference.outcome(expected.test()).orElseThrow();
        for (ProjectRun run : runs.subList(1, runs.size())) {
            TestOutcome outcome = run.outcome(expected.test()).orElseThrow();
            String against = run.name() + " against " + reference.name() + ": ";
            switch (expected.kind()) {
                case FINDS_BUG -> {
                    if (!outcome.trace().equals(wanted.trace())) {
                        problems.add(against + "another trace:\n" + outcome.trace() + "\ninstead of\n"
                                + wanted.trace());
                    }
                    problems.addAll(figureDifferences(against, outcome, wanted));
                }
                case PASSES_EXPLORATION -> problems.addAll(figureDifferences(against, outcome, wanted));
                case PASSES -> {
                    // nothing to compare: Jupiter runs it once
                }
            }
        }
        return problems;
    }

    /** The schedules, distinct interleavings and steps each explored, when they differ. */
    private static List<String> figureDifferences(String against, TestOutcome outcome, TestOutcome wanted) {
        String figures = outcome.consoleLine().map(ConsoleLine::figures).orElse("(no console line)");
        String wantedFigures = wanted.consoleLine().map(ConsoleLine::figures).orElse("(no console line)");
        return figures.equals(wantedFigures) ? List.of()
                : List.of(against + "explored " + figures + " instead of " + wantedFigures);
    }

    private static ProjectRun surefireRun(String name) throws IOException {
        Path reports = RUNS.resolve(name);
        return ProjectRun.read(name, reports, ProjectRun.files(reports, "", "-output.txt"));
    }

    /**
     * The project run by the Console Launcher in a JVM of its own: the launcher and the user's test class path on the
     * JVM's class path, with or without the agent on its command line.
     */
    private record ConsoleLauncherRun(String name, Path folder, Path output, ChildJvm jvm) {

        static ConsoleLauncherRun start(String name, boolean javaagent) throws IOException {
            Path folder = RUNS.resolve(name);
            Files.createDirectories(folder);
            for (Path stale : ProjectRun.files(folder, "TEST-", ".xml")) {
                Files.delete(stale);
            }
            Path output = folder.resolve("output.txt");
            List<String> jvmOptions = javaagent ? List.of("-javaagent:" + required("usertests.agentJar")) : List.of();
            ChildJvm jvm = ChildJvm.start(jvmOptions,
                    ConsoleLauncher.classPath(RUNS, required("usertests.testClasses")),
                    ConsoleLauncher.MAIN_CLASS, List.of("execute",
                    "--disable-banner", "--disable-ansi-colors", "--details=tree",
                    "--select-package=" + UserProject.PACKAGE,
                    "--reports-dir=" + folder,
                    "--config=interleave.failures.dir=" + folder.resolve("schedules"),
                    "--config=interleave.failures.rerun=false",
                    "--config=interleave.shrink.millis=600000"), output);
            return new ConsoleLauncherRun(name, folder, output, jvm);
        }

        ProjectRun finish(long deadline) throws IOException, InterruptedException {
            int exit = jvm.await(deadline);
            // 1: some tests failed, as the project's bugs must; anything else means the launcher itself did not run
            assertThat(exit).as("the Console Launcher's exit code in %s; its output is in %s", name, output)
                    .isIn(0, 1);
            return ProjectRun.read(name, folder, List.of(output));
        }
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the system property " + property + " is not set: run this class with"
                    + " the module's verifier execution (mvn -B -pl usertests -am verify)");
        }
        return value;
    }
}
