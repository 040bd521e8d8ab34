package dev.interleave.schedulefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where failing schedules are kept: {@code <root>/<test class>/<method>-<seed>-<schedule>.schedule}, one folder per
 * test class, so that a test's past failures are found by name without opening other tests' files.
 */
public final class ScheduleDirectory {

    public static final String EXTENSION = ".schedule";

    private final Path root;

    public ScheduleDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The file for schedule {@code schedule} of an exploration of {@code test} seeded with {@code seed}. */
    public Path fileFor(ScheduleRecord.TestIdentity test, String seed, int schedule) {
        return folderOf(root, test).resolve(test.methodName() + "-" + safe(seed) + "-" + schedule + EXTENSION);
    }

    /** The schedule files kept for {@code test}, in name order. */
    public List<Path> filesFor(ScheduleRecord.TestIdentity test) {
        Path folder = folderOf(root, test);
        return Files.isDirectory(folder) ? filesFor(folder, test) : List.of();
    }

    /**
     * The schedule files of {@code test} in {@code folder}, given by a user: a folder of one test class, or a root
     * like this one's, which holds a folder per class.
     */
    public static List<Path> filesFor(Path folder, ScheduleRecord.TestIdentity test) {
        Path perClass = folderOf(folder, test);
        Path searched = Files.isDirectory(perClass) ? perClass : folder;
        String prefix = test.methodName() + "-";
        try (Stream<Path> files = Files.list(searched)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)
                            && file.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(file))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the schedule files in " + searched, e);
        }
    }

    private static Path folderOf(Path root, ScheduleRecord.TestIdentity test) {
        return root.resolve(safe(test.className()));
    }

    /** A seed is text the user chose: anything but letters, digits, dots, dashes and underscores is replaced. */
    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._$-]", "_");
    }
}
