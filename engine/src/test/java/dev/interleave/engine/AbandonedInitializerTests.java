package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.interleave.fixtures.AbandonedInitializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule abandoned while a thread runs a static initializer leaves no class broken: the tests after it, in the
 * same JVM, use the class as if the schedule had never run. Each sequence runs in a JVM of its own, where the
 * fixture's classes are not initialized yet.
 */
class AbandonedInitializerTests {

    private static final String FIXTURE = AbandonedInitializers.class.getName();

    @TempDir
    Path failures;

    @Test
    void aDeadlockInsideAnInitializerLeavesTheClassUsable() throws Exception {
        List<String> lines = runInSequence(FIXTURE + "#deadlockInsideAnInitializer",
                FIXTURE + "#usesTheClassAfterwards");
        assertThat(lines.get(0)).contains("FAILED").contains("Deadlock").doesNotContain("NoClassDefFoundError");
        assertThat(lines.get(1)).endsWith("usesTheClassAfterwards: SUCCESSFUL");
    }

    @Test
    void aFailureOfAnotherThreadLeavesTheClassItInitializesUsable() throws Exception {
        List<String> lines = runInSequence(FIXTURE + "#failureElsewhereWhileInsideAnInitializer",
                FIXTURE + "#usesTheOtherClassAfterwards");
        assertThat(lines.get(0)).contains("FAILED").contains("thread 0 fails while thread 1 initializes WaitingHolder")
                .doesNotContain("NoClassDefFoundError");
        assertThat(lines.get(1)).endsWith("usesTheOtherClassAfterwards: SUCCESSFUL");
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void aRefusedVirtualThreadLeavesTheJdkClassesBehindItUsable() throws Exception {
        List<String> lines = runInSequence(FIXTURE + "#virtualThreadPerTaskExecutor",
                "call:" + FIXTURE + "#virtualThreadOutsideTheScheduler");
        assertThat(lines.get(0)).contains("FAILED").contains("virtual thread")
                .doesNotContain("NoClassDefFoundError");
        assertThat(lines.get(1)).contains("SUCCESSFUL: VirtualThread");
    }

    private List<String> runInSequence(String... tests) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dsequence.failures=" + failures,
                "-cp", System.getProperty("java.class.path"), SequenceRun.class.getName()));
        command.addAll(List.of(tests));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the run's output").contains(SequenceRun.END);
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            for (String test : tests) {
                if (line.startsWith(test + ": ")) {
                    lines.add(line);
                }
            }
        }
        assertThat(lines).as("a line for each test in:%n%s", output).hasSize(tests.length);
        return lines;
    }
}
