package dev.interleave.report.html;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The report folder, {@code target/interleave/report}: {@code index.html}, a page per failure, and under
 * {@code results/} one small file per test that the index is made from. Every engine execution (a Surefire fork,
 * a second {@code mvn test}) writes its tests' results files, then makes the index again from all of them, under a
 * file lock, so that forks that end at once all appear: a test's newest result replaces its older one, and the
 * tests a run did not touch keep theirs.
 */
public final class ReportFolder {

    public static final String INDEX = "index.html";
    private static final String RESULTS = "results";

    private final Path folder;

    public ReportFolder(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** The report folder inside the folder where failing schedules are saved. */
    public static ReportFolder in(Path failuresDir) {
        return new ReportFolder(failuresDir.resolve("report"));
    }

    /** Writes a failure's page; returns its file name in the folder. */
    public String writePage(String className, String method, String seed, int schedule, FailureView view)
            throws IOException {
        String name = safe(className + "." + method + "-" + seed + "-" + schedule) + ".html";
        writeAtomically(folder.resolve(name), FailurePage.render(view).getBytes(StandardCharsets.UTF_8));
        return name;
    }

    /** Records {@code results} and makes the index again from every result recorded in the folder. */
    public Path update(List<TestResult> results) throws IOException {
        Path resultsFolder = folder.resolve(RESULTS);
        Files.createDirectories(resultsFolder);
        for (TestResult result : results) {
            Path file = resultsFolder.resolve(safe(result.key()) + ".properties");
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            result.toProperties().store(bytes, "one @ConcurrencyTest's latest result, for index.html");
            writeAtomically(file, bytes.toByteArray());
        }
        Path index = folder.resolve(INDEX);
        try (FileChannel lockFile = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            writeAtomically(index, IndexPage.render(readAll(resultsFolder)).getBytes(StandardCharsets.UTF_8));
        }
        return index;
    }

    private static List<TestResult> readAll(Path resultsFolder) throws IOException {
        Map<String, TestResult> byTest = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(resultsFolder, "*.properties")) {
            for (Path file : files) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                } catch (IOException | IllegalArgumentException e) {
                    continue; // not ours, or being replaced: its test's next run writes it again
                }
                TestResult result = TestResult.fromProperties(properties);
                if (result != null) {
                    byTest.merge(result.key(), result,
                            (one, other) -> one.finishedAt() >= other.finishedAt() ? one : other);
                }
            }
        }
        List<TestResult> results = new ArrayList<>(byTest.values());
        results.sort(Comparator.comparing(TestResult::className).thenComparing(TestResult::method));
        return results;
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(bytes);
            }
            try {
                Files.move(temp, file, ATOMIC_MOVE, REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A file name from text the user chose: anything but letters, digits, dots, dashes and underscores replaced. */
    static String safe(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9._$-]", "_");
        return safe.length() <= 180 ? safe : safe.substring(0, 180);
    }
}
