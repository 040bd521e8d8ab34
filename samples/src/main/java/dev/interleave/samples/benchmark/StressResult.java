package dev.interleave.samples.benchmark;

import java.util.Locale;
import java.util.Optional;

import dev.interleave.ConcurrencyFailure;

/**
 * What plain stress testing did to one sample, and its machine-readable line: six tab-separated fields, the sample,
 * the runs done, runs per second (one decimal), the number of the first failing run, its kind and its detail, the
 * last three {@code -} when every run passed.
 *
 * <pre>
 * LockOrderSample#oppositeLockOrder	5338	2650.3	5338	DEADLOCK	stress-run-5338 (the test method) BLOCKED on ...
 * CounterSample#synchronizedIncrement	100000	9120.4	-	-	-
 * </pre>
 *
 * @param sample {@code Class#method}, below {@code dev.interleave.samples}
 * @param runs the runs done, the failing one included
 * @param runsPerSecond runs done per second of wall clock
 * @param firstFailure the first failing run; empty when every run passed within the budget
 */
record StressResult(String sample, long runs, double runsPerSecond, Optional<StressFailure> firstFailure) {

    /** Starts the line that names the fields; it and every other line without a tab are not results. */
    static final String HEADER = "# sample\truns\truns/s\tfirst failing run\tkind\tdetail";

    private static final String NONE = "-";
    private static final int FIELDS = 6;

    StressResult {
        if (sample.isEmpty() || sample.contains("\t")) {
            throw new IllegalArgumentException("a sample name is one word: '" + sample + "'");
        }
        // Kept as printed, so that a result parsed back from its line is equal to the one that printed it.
        runsPerSecond = Double.parseDouble(perSecond(runsPerSecond));
    }

    /** This result as one line, without the line break. */
    String toLine() {
        return String.join("\t", sample, Long.toString(runs), perSecond(runsPerSecond),
                firstFailure.map(failure -> Long.toString(failure.run())).orElse(NONE),
                firstFailure.map(failure -> failure.kind().name()).orElse(NONE),
                firstFailure.map(StressFailure::detail).filter(detail -> !detail.isEmpty()).orElse(NONE));
    }

    /** Whether {@code line} of the harness's output is a result line (the others are the header and the table). */
    static boolean isResultLine(String line) {
        return line.indexOf('\t') >= 0 && !line.startsWith("#");
    }

    /**
     * Reads back a line that {@link #toLine()} wrote.
     *
     * @throws IllegalArgumentException when the line is not one, naming the line
     */
    static StressResult parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS) {
            throw new IllegalArgumentException("a stress result has " + FIELDS + " tab-separated fields, this line "
                    + fields.length + ": '" + line + "'");
        }
        try {
            Optional<StressFailure> failure = fields[3].equals(NONE) ? Optional.empty()
                    : Optional.of(new StressFailure(Long.parseLong(fields[3]),
                            ConcurrencyFailure.Kind.valueOf(fields[4]), fields[5].equals(NONE) ? "" : fields[5]));
            return new StressResult(fields[0], Long.parseLong(fields[1]), Double.parseDouble(fields[2]), failure);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a stress result (" + e.getMessage() + "): '" + line + "'", e);
        }
    }

    private static String perSecond(double runsPerSecond) {
        return String.format(Locale.ROOT, "%.1f", runsPerSecond);
    }
}
