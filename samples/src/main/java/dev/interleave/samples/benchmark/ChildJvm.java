package dev.interleave.samples.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a new JVM: the same {@code java} as this one, this JVM's class path, and no JVM options, so
 * no agent this JVM was started with (Interleave's, say) comes along.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Runs {@code main} with {@code arguments} and returns what it printed on standard output, line by line.
     *
     * @throws IllegalStateException when the child does not end within {@code timeout} (it is killed) or exits with
     *     a status other than 0; the message has what it printed on standard error
     */
    static List<String> run(Class<?> main, List<String> arguments, Duration timeout)
            throws IOException, InterruptedException {
        return run(System.getProperty("java.class.path"), main, arguments, timeout);
    }

    /** As {@link #run(Class, List, Duration)}, with {@code classPath} instead of this JVM's. */
    static List<String> run(String classPath, Class<?> main, List<String> arguments, Duration timeout)
            throws IOException, InterruptedException {
        return run(List.of(), classPath, main.getName(), arguments, timeout);
    }

    /**
     * As {@link #run(Class, List, Duration)}, with {@code options} for the JVM (system properties, say) ahead of
     * the main class, named, which need not be accessible from here.
     */
    static List<String> run(List<String> options, String classPath, String main, List<String> arguments,
            Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, main));
        command.addAll(arguments);
        String name = main.substring(main.lastIndexOf('.') + 1);
        // Output goes to files, not pipes: a child that prints much cannot block on a full pipe, and reading the
        // output needs no thread of ours that could wait for ever.
        Path out = Files.createTempFile("interleave-child-", ".out");
        Path err = Files.createTempFile("interleave-child-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " " + String.join(" ", arguments)
                        + " did not end within " + timeout + " and was killed; it printed: " + read(err));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " " + String.join(" ", arguments)
                        + " exited with " + process.exitValue() + ": " + read(err));
            }
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
