package dev.interleave.usertests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text table of what each run found, one line per {@code @ConcurrencyTest}: the schedule in which a bug was
 * found, or the distinct interleavings and average steps of a passing exploration (il/st).
 */
final class FiguresTable {

    private static final Pattern FIGURES = Pattern.compile("(\\d+) distinct interleavings?, (\\d+) steps");

    private FiguresTable() {
    }

    static String of(List<Expectation> expectations, List<ProjectRun> runs) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("test", "expected"));
        runs.forEach(run -> header.add(run.name()));
        rows.add(header);
        for (Expectation expected : expectations) {
            if (expected.kind() == Expectation.Kind.PASSES) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(expected.test(),
                    expected.kind() == Expectation.Kind.FINDS_BUG ? "bug" : "passes"));
            runs.forEach(run -> row.add(cell(run.outcome(expected.test()))));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder("The user's project, run " + runs.size()
                + " ways (seeds fixed on the tests,"
                + " JDK " + System.getProperty("java.version") + "):\n");
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    /** {@code failed in 3}, {@code passed, 7 il/14 st}, {@code FAILED: ...} or {@code not run}. */
    private static String cell(Optional<TestOutcome> outcome) {
        if (outcome.isEmpty()) {
            return "not run";
        }
        TestOutcome found = outcome.get();
        if (!found.passed()) {
            return found.foundInSchedule().map(schedule -> "failed in " + schedule)
                    .orElse("FAILED: " + abbreviated(found.headline()));
        }
        return found.consoleLine().map(line -> {
            Matcher figures = FIGURES.matcher(line.figures());
            return figures.find() ? "passed, " + figures.group(1) + " il/" + figures.group(2) + " st"
                    : "passed, " + line.figures();
        }).orElse("passed (no console line)");
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
