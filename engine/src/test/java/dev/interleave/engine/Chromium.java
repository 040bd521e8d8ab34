package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium, driven from the command line: the DOM of a page after its script ran, and a screenshot. Every
 * call is bounded; a browser that does not answer in time fails the test.
 */
final class Chromium {

    static final Path BINARY = Paths.get(System.getProperty("interleave.chromium", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 60;

    private Chromium() {
    }

    /** The DOM of {@code page} (with {@code fragment}, such as {@code #unfold}, or empty) once its script ran. */
    static String dom(Path page, String fragment) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri() + fragment), null);
    }

    /** A screenshot of {@code page} at {@code width} x {@code height}, saved to {@code png}. */
    static void screenshot(Path page, String fragment, Path png, int width, int height)
            throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", page.toUri() + fragment), png);
        assertThat(png).as("the screenshot Chromium took").exists();
        assertThat(Files.size(png)).isGreaterThan(1_000);
    }

    /**
     * Runs Chromium as one process, which starts in half the time of its usual three; that mode now and then ends
     * with a crash on the way out, after its work is done: then the output tells, and if it is missing, the run is
     * made again the usual way.
     */
    private static String run(List<String> arguments, Path output) throws IOException, InterruptedException {
        requireBrowser();
        Result fast = run(arguments, true);
        if (fast.exit == 0 || (output == null ? fast.stdout.contains("</html>") : Files.exists(output))) {
            return fast.stdout;
        }
        Result usual = run(arguments, false);
        assertThat(usual.exit).as("Chromium's exit code for %s", arguments).isZero();
        return usual.stdout;
    }

    private static final class Result {
        final int exit;
        final String stdout;

        Result(int exit, String stdout) {
            this.exit = exit;
            this.stdout = stdout;
        }
    }

    private static Result run(List<String> arguments, boolean oneProcess) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("interleave-chromium-");
        Path stdout = profile.resolve("stdout");
        try {
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile.resolve("profile")));
            if (oneProcess) {
                command.addAll(List.of("--single-process", "--no-zygote"));
            }
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("Chromium did not finish " + arguments + " in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8));
        } finally {
            deleteTree(profile);
        }
    }

    /** The browser tests need Chromium, which the README's set-up and {@code .ci/run} install. */
    private static void requireBrowser() {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("Chromium is not installed at " + BINARY + ": apt-get install -y"
                    + " chromium (or give its path with -Dinterleave.chromium=...)");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a profile file Chromium still holds; the temp folder is the system's to clean
        }
    }
}
