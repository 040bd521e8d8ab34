package dev.interleave.usertests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM started as a user starts one, with its output in a file and a bound on its wall-clock time. */
final class ChildJvm {

    private final Process process;
    private final List<String> command;
    private final Path output;

    private ChildJvm(Process process, List<String> command, Path output) {
        this.process = process;
        this.command = command;
        this.output = output;
    }

    /**
     * Starts {@code java jvmOptions -cp classPath mainClass arguments} with the JDK this JVM runs on, its output and
     * errors going to {@code output}.
     */
    static ChildJvm start(List<String> jvmOptions, List<Path> classPath, String mainClass, List<String> arguments,
            Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        return new ChildJvm(process, command, output);
    }

    /**
     * Waits for the JVM to end and returns its exit code. If it has not ended by {@code deadline}, its threads are
     * dumped next to its output, and it is killed, and this throws naming both files.
     */
    int await(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (!process.waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
            Path threads = output.resolveSibling(output.getFileName() + ".threads.txt");
            dumpThreads(threads);
            kill();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("the child JVM did not end in time and was killed; its output is in "
                    + output + ", its threads when it was killed in " + threads + "; the command was " + command);
        }
        return process.exitValue();
    }

    /** The JDK's own thread dump of the JVM, so that a JVM that hangs says where; bounded like everything else. */
    private void dumpThreads(Path file) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!dump.waitFor(60, TimeUnit.SECONDS)) {
                dump.destroyForcibly();
            }
        } catch (IOException e) {
            // the dump is a help for the reader; the failure that follows says what matters
        }
    }

    /** Ends the JVM at once, if it still runs: for a caller that gave up on it. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static long deadline(Duration bound) {
        return System.nanoTime() + bound.toNanos();
    }
}
