package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.interleave.fixtures.ClassInitDeadlocks;
import dev.interleave.fixtures.Deadlocks;
import dev.interleave.fixtures.Replayable;
import dev.interleave.fixtures.StaticStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Determinism across JVMs, as a user meets it: a failure found in one JVM is found the same by its seed in another,
 * and its schedule file replays the same interleaving in a third.
 */
class FreshJvmReplayTests {

    private static final Pattern SAVED = Pattern.compile("Schedule saved: (\\S+)");

    @TempDir
    Path failures;

    @Test
    void aLostUpdateFoundInOneJvmIsTheSameInTheNext() throws Exception {
        sameAcrossJvms(Replayable.class.getName() + "#lostUpdate");
    }

    @Test
    void aDeadlockFoundInOneJvmIsTheSameInTheNext() throws Exception {
        sameAcrossJvms(Deadlocks.class.getName() + "#oppositeOrderBlocks");
    }

    /**
     * Found in the JVM that explores, after earlier schedules initialized the two classes for real, and replayed in
     * a JVM where they are not initialized yet: the model starts every schedule with them uninitialized.
     */
    @Test
    void aClassInitializationDeadlockFoundInOneJvmIsTheSameInTheNext() throws Exception {
        String found = sameAcrossJvms(ClassInitDeadlocks.class.getName() + "#crossedInitializers");
        assertThat(found).contains("waits for class First's initialization")
                .containsPattern("failed in schedule ([2-9]|\\d\\d+) of");
    }

    @Test
    void aLostUpdateOnAStaticFieldFoundLateInTheExplorationIsTheSameRunAlone() throws Exception {
        String found = sameAcrossJvms(StaticStates.class.getName() + "#staticLostUpdate");
        assertThat(found).containsPattern("failed in schedule ([2-9]|\\d\\d+) of").containsPattern("but was:\\s*1");
    }

    @Test
    void aReplayThatLeavesItsPathForStaticStateSaysSoInsteadOfBlamingTheCode() throws Exception {
        String test = StaticStates.class.getName() + "#aStaticLatchOpensOnce";
        String found = runInFreshJvm(test, "interleave.seed", "1", failures.resolve("first"));
        Matcher saved = SAVED.matcher(found);
        assertThat(saved.find()).as("the report names the saved file:%n%s", found).isTrue();

        String replayed = runInFreshJvm(test, "interleave.replay", saved.group(1), failures.resolve("second"));
        assertThat(replayed).contains("the replay left the recorded schedule")
                .contains("Static state that the schedules before it changed and Interleave could not put back"
                        + " (StaticStates.STARTED")
                .doesNotStartWith("The code under test has changed");
    }

    private String sameAcrossJvms(String test) throws Exception {
        String found = runInFreshJvm(test, "interleave.seed", "2026", failures.resolve("first"));
        String foundAgain = runInFreshJvm(test, "interleave.seed", "2026", failures.resolve("first"));
        assertThat(found).contains("Interleaving, ");
        assertThat(foundAgain).isEqualTo(found);

        Matcher saved = SAVED.matcher(found);
        assertThat(saved.find()).as("the report names the saved file:%n%s", found).isTrue();
        String replayed = runInFreshJvm(test, "interleave.replay", saved.group(1), failures.resolve("second"));
        assertThat(replayed).contains("failed when replaying " + saved.group(1));
        assertThat(interleaving(replayed)).isEqualTo(interleaving(found));
        assertThat(replayed.lines().findFirst()).isEqualTo(found.lines().findFirst());
        return found;
    }

    private static String interleaving(String report) {
        return report.substring(report.indexOf("\nInterleaving, "));
    }

    private static String runInFreshJvm(String test, String key, String value, Path folder)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                FreshJvmRun.class.getName(), test, key, value, folder.toString()))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the run's output").contains(FreshJvmRun.END);
        // The console line with the run's duration comes first; the report itself starts after it.
        String report = output.substring(0, output.indexOf(FreshJvmRun.END));
        return report.substring(report.indexOf('\n', report.lastIndexOf("[interleave] ")) + 1);
    }
}
