package dev.interleave.usertests;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run reported for one test.
 *
 * @param test {@code SimpleClassName.method}
 * @param passed whether it passed
 * @param failure the failure as the report shows it (message and stack trace), or empty when it passed
 * @param consoleLine the engine's console line, for a {@code @ConcurrencyTest}
 */
record TestOutcome(String test, boolean passed, String failure, Optional<ConsoleLine> consoleLine) {

    private static final Pattern FOUND_IN = Pattern.compile(
            "failed in schedule (\\d+) of at most \\d+ \\(strategy \\w+( \\(this schedule: [^)]+\\))?, seed \\S+\\)\\.");
    private static final Pattern SHRUNK = Pattern.compile("Shrunk from .*\\.");
    private static final Pattern EXCEPTION_CLASS_ONLY = Pattern.compile("(\\w+: )?[\\w.$]+:");
    private static final String TABLE = "\nInterleaving, ";

    TestOutcome withConsoleLine(ConsoleLine line) {
        return new TestOutcome(test, passed, failure, Optional.of(line));
    }

    /**
     * The failure's first line that says something: {@code Deadlock: ...}, or which thread threw what; the line that
     * only names the exception's class, before its message, is skipped.
     */
    String headline() {
        return failure.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !EXCEPTION_CLASS_ONLY.matcher(line).matches())
                .findFirst().orElse(failure.strip());
    }

    /** The number of the schedule that failed, or empty when the report does not say. */
    Optional<Integer> foundInSchedule() {
        Matcher matcher = FOUND_IN.matcher(failure);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /**
     * What a run with the same seed must reproduce exactly: where the failure was found, how it shrank, and the
     * interleaving table. The lines that name this run's own folders are left out.
     */
    String trace() {
        StringBuilder trace = new StringBuilder();
        Matcher found = FOUND_IN.matcher(failure);
        trace.append(found.find() ? found.group() : "(no schedule named)").append('\n');
        Matcher shrunk = SHRUNK.matcher(failure);
        trace.append(shrunk.find() ? shrunk.group() : "(not shrunk)").append('\n');
        int table = failure.indexOf(TABLE);
        if (table < 0) {
            return trace.append("(no interleaving table)").toString();
        }
        int end = failure.indexOf("\n\n", table + 1);
        return trace.append(failure, table + 1, end < 0 ? failure.length() : end).toString();
    }
}
