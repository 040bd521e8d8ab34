package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** In a JVM that forbids attaching agents, every @ConcurrencyTest fails loudly with the fix: never a silent skip. */
class AgentForbiddenTests {

    @Test
    void everyTestFailsWithTheReasonAndTheArgLineThatFixesIt() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-XX:+DisableAttachMechanism",
                "-cp", System.getProperty("java.class.path"), ForbiddenAgentRun.class.getName()))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("tests: 2, failed: 2, skipped: 0, succeeded: 0")
                .contains("Interleave could not attach its agent to this JVM")
                .contains("-javaagent:${dev.interleave:interleave-instrumentation:jar}");
        assertThat(process.exitValue()).isZero();
    }
}
