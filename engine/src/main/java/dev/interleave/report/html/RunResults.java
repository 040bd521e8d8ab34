package dev.interleave.report.html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one engine execution, gathered while its tests run (at once, with parallel execution) and written
 * to the index when it ends, one index per report folder.
 */
public final class RunResults {

    private final Map<Path, List<TestResult>> byFolder = new LinkedHashMap<>();

    public synchronized void add(ReportFolder folder, TestResult result) {
        byFolder.computeIfAbsent(folder.folder(), key -> new ArrayList<>()).add(result);
    }

    /** Writes the index of every folder a result went to; returns where each went, or why it could not. */
    public synchronized List<String> writeIndexes() {
        List<String> written = new ArrayList<>();
        byFolder.forEach((folder, results) -> {
            try {
                written.add("report: " + new ReportFolder(folder).update(results).toUri());
            } catch (IOException | RuntimeException e) {
                written.add("the report could not be written to " + folder + ": " + e);
            }
        });
        byFolder.clear();
        return written;
    }
}
