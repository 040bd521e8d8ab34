package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.interleave.fixtures.LostUpdateCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;

/**
 * Under JUnit's Console Launcher, in a JVM of its own: the replay hint is a Console Launcher line that runs as
 * printed, and the statistics are in its Open Test Reporting XML.
 */
class ConsoleLauncherTests {

    private static final String TEST = LostUpdateCounter.class.getName() + "#twoIncrements";

    /** The standalone jar beside the launcher's in the local repository, where Maven resolved it for this module. */
    private static Path standaloneJar() throws Exception {
        Path launcherJar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String version = launcherJar.getParent().getFileName().toString();
        Path jar = launcherJar.getParent().getParent().getParent().resolve("junit-platform-console-standalone")
                .resolve(version).resolve("junit-platform-console-standalone-" + version + ".jar");
        assertThat(jar).as("the Console Launcher, a test dependency of this module").exists();
        return jar;
    }

    private static Process start(List<String> command, Path output) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String finish(Process process, Path output) throws Exception {
        boolean ended = process.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the Console Launcher ended within 300 s").isTrue();
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(700)
    void theReplayHintIsAConsoleLauncherLineThatRunsAsPrinted(@TempDir Path folder) throws Exception {
        Path failures = Files.createDirectories(folder.resolve("saved failures"));
        Path reports = folder.resolve("reports");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", standaloneJar().toString(), "execute",
                "--disable-banner", "--disable-ansi-colors", "--details=tree", "--class-path", System.getProperty("java.class.path"),
                "--select-method", TEST, "--config", "interleave.failures.dir=" + failures,
                "--config", "interleave.failures.rerun=false", "--config", "interleave.shrink=false",
                "--config", "interleave.seed=night 42",
                "--config", "junit.platform.reporting.open.xml.enabled=true", "--reports-dir", reports.toString()));

        Process first = start(command, folder.resolve("first.txt"));
        String found = finish(first, folder.resolve("first.txt"));

        assertThat(first.exitValue()).as(found).isEqualTo(1);
        assertThat(found).doesNotContain("mvn test");
        String replayLine = found.lines().filter(line -> line.contains("Replay it exactly: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no replay hint in:\n" + found));
        String replay = replayLine.substring(replayLine.indexOf("Replay it exactly: ") + "Replay it exactly: ".length());
        assertThat(replay).startsWith("java -jar " + standaloneJar() + " execute --class-path ")
                .contains(" --select-method " + TEST + " --config '" + "interleave.replay=" + failures);
        assertThat(found).contains("--config 'interleave.seed=night 42' --config interleave.strategy=PORTFOLIO");

        String openTestReport;
        try (Stream<Path> files = Files.walk(reports)) {
            openTestReport = files.filter(file -> file.getFileName().toString().startsWith("open-test-report"))
                    .map(ConsoleLauncherTests::read).collect(Collectors.joining());
        }
        assertThat(openTestReport).contains("interleave.verdict").contains("interleave.schedules")
                .contains("interleave.seed");

        Path shell = Path.of("/bin/sh");
        Process again = start(List.of(shell.toString(), "-c", "PATH=\"" + java.getParent() + ":$PATH\" " + replay),
                folder.resolve("again.txt"));
        String replayed = finish(again, folder.resolve("again.txt"));
        assertThat(replayed).contains("failed when replaying " + failures);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
