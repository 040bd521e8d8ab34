package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -javaagent:interleave-instrumentation.jar} in a JVM whose class path lacks Byte Buddy (the Console
 * Launcher started with {@code -jar}): the JVM must start and say why the agent did not, instead of dying in
 * {@code premain} before any test can report anything.
 */
class AgentJarAloneTests {

    @Test
    void anAgentWithoutByteBuddyLetsTheJvmStartAndSaysWhy(@TempDir Path folder) throws Exception {
        Path agentJar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).filter(path -> path.getFileName().toString().startsWith("interleave-instrumentation")
                        && path.toString().endsWith(".jar"))
                .findFirst().orElseThrow(() -> new AssertionError("no interleave-instrumentation jar on the class"
                        + " path; run this test with mvn verify, which packages it"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = folder.resolve("output.txt");
        Process process = new ProcessBuilder(List.of(java.toString(), "-javaagent:" + agentJar,
                "-cp", folder.toString(), "-version"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the JVM ended within 120 s").isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Interleave: -javaagent could not start the agent: net/bytebuddy/")
                .contains("The engine attaches the agent itself when tests execute instead")
                .doesNotContain("FATAL ERROR");
    }
}
