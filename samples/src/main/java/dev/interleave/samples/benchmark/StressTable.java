package dev.interleave.samples.benchmark;

import java.util.List;
import java.util.Locale;

/** The results of plain stress testing as a table for people: one row per sample, the failure's detail cut short. */
final class StressTable {

    private static final int DETAIL = 110;

    private StressTable() {
    }

    /**
     * The table, a header and one line per result; {@code bug} is what the sample's {@code @BugSample} says
     * Interleave must report, {@code -} for a correct program (which must pass every run here too).
     */
    static String format(List<StressResult> results) {
        int width = Math.max("sample".length(),
                results.stream().mapToInt(result -> result.sample().length()).max().orElse(0));
        String row = "%-" + width + "s  %-9s %9s %11s %13s  %-9s %s%n";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, row, "sample", "bug", "runs", "runs/s",
                "first failure", "kind", "what happened"));
        for (StressResult result : results) {
            String bug = SampleMethod.resolve(result.sample()).documentedBug().map(Enum::name).orElse("-");
            table.append(String.format(Locale.ROOT, row, result.sample(), bug, result.runs(),
                    String.format(Locale.ROOT, "%.0f", result.runsPerSecond()),
                    result.firstFailure().map(failure -> Long.toString(failure.run())).orElse("none"),
                    result.firstFailure().map(failure -> failure.kind().name()).orElse("-"),
                    result.firstFailure().map(failure -> shorten(failure.detail())).orElse("")));
        }
        return table.toString();
    }

    private static String shorten(String detail) {
        return detail.length() <= DETAIL ? detail : detail.substring(0, DETAIL - 3) + "...";
    }
}
