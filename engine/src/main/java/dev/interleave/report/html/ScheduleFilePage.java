package dev.interleave.report.html;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

import dev.interleave.schedulefile.ScheduleFileException;
import dev.interleave.schedulefile.ScheduleFiles;

/**
 * Turns a schedule file into the failure's page, without running anything, so that a file downloaded from CI can
 * be looked at: {@code java -cp interleave-engine.jar:kryo5.jar:interleave-instrumentation.jar
 * dev.interleave.report.html.ScheduleFilePage <file.schedule> [out.html]}. The page goes beside the file, with
 * {@code .html} for {@code .schedule}, unless {@code out.html} is given.
 */
public final class ScheduleFilePage {

    private ScheduleFilePage() {
    }

    public static void main(String[] arguments) {
        int status = run(arguments, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Does what {@link #main} does; returns its exit status: 0, 1 for a file that cannot be read, 2 for a misuse. */
    public static int run(String[] arguments, PrintStream out, PrintStream err) {
        if (arguments.length < 1 || arguments.length > 2 || arguments[0].startsWith("-")) {
            err.println("usage: java -cp <interleave-engine.jar and its dependencies> " + ScheduleFilePage.class.getName()
                    + " <file.schedule> [out.html]");
            return 2;
        }
        Path file;
        Path page;
        try {
            file = Paths.get(arguments[0]);
            page = arguments.length == 2 ? Paths.get(arguments[1]) : beside(file);
        } catch (InvalidPathException e) {
            err.println(e.getInput() + ": not a path this system accepts (" + e.getReason() + ")");
            return 2;
        }
        try {
            write(file, page);
        } catch (ScheduleFileException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println(page + ": the page could not be written (" + e + ")");
            return 1;
        }
        out.println(page.toAbsolutePath().toUri());
        return 0;
    }

    /** Writes the page of the schedule in {@code file} to {@code page}. */
    public static void write(Path file, Path page) throws IOException {
        String html = FailurePage.render(FileFailures.view(file, ScheduleFiles.read(file)), false);
        Path parent = page.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(page, html, StandardCharsets.UTF_8);
    }

    private static Path beside(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".schedule") ? name.substring(0, name.length() - ".schedule".length()) : name;
        return file.resolveSibling(stem + ".html");
    }
}
