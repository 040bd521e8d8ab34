package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the agent goes into a JVM that was not started with it, each case in a fresh JVM that calls the Launcher
 * API as build tools and IDEs do ({@link LauncherAttachRun}): a JVM that executes tests has it before the test
 * class loads, so its classes are instrumented as they load and a lost update inside a {@code synchronized}
 * method is found; a JVM that only discovers tests never gets it.
 */
class LauncherAttachTests {

    private static final String FIXTURE = "dev.interleave.fixtures.SynchronizedMethods";
    private static final String NESTED_CLASS = "Account";

    @TempDir
    Path failures;

    @Test
    void aJvmThatExecutesAttachesBeforeTheTestClassLoads() throws Exception {
        String output = run("execute");

        assertThat(output).contains("attached: true")
                .contains("instrumented as it loaded: true")
                .contains("tests succeeded: 0, failed: 1")
                .contains("failure: thread 0 (interleave-test) threw org.opentest4j.AssertionFailedError: [total]");
    }

    @Test
    void aJvmThatOnlyDiscoversNeverAttaches() throws Exception {
        String output = run("discover");

        assertThat(output).contains("tests found: 1")
                .contains("attached: false")
                .contains("instrumented as it loaded: false");
    }

    @Test
    void attachingOnlyForExecutionRetransformsTheClassesDiscoveryLoaded() throws Exception {
        String output = run("execute", "execution");

        assertThat(output).contains("attached: true")
                .as("loaded before the agent, by discovery")
                .contains("instrumented as it loaded: false");
    }

    @Test
    void neverAttachingFailsEveryTestWithTheFix() throws Exception {
        String output = run("execute", "never");

        assertThat(output).contains("attached: false")
                .contains("tests succeeded: 0, failed: 1")
                .contains("failure: Interleave's agent is not in this JVM, and interleave.agent.attach=never forbids"
                        + " attaching it");
    }

    @Test
    void aBadModeIsNamedWithTheModesThatExist() throws Exception {
        String output = run("execute", "sometimes");

        assertThat(output).contains("interleave.agent.attach=sometimes is not a mode Interleave knows: use early"
                + " (the default), execution or never");
    }

    private String run(String launcherCall, String... attachMode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                LauncherAttachRun.class.getName(), launcherCall, FIXTURE, NESTED_CLASS, failures.toString()));
        command.addAll(List.of(attachMode));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the run ends:%n%s", output).isTrue();
        return output;
    }
}
