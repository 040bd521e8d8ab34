package dev.interleave.usertests;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's console line after an exploration, such as {@code [interleave] StackTest.push(): passed, 200 schedules
 * (7 distinct interleavings, 14 steps each on average), strategy POS, seed 101, 0.63 s}.
 *
 * @param test {@code SimpleClassName.method}
 * @param verdict {@code passed} or {@code failed}
 * @param schedules how many schedules ran
 * @param figures what was explored: the schedules, distinct interleavings and steps, without the time it took
 */
record ConsoleLine(String test, String verdict, int schedules, String figures) {

    private static final Pattern LINE = Pattern.compile(
            "^\\[interleave] (\\S+)\\(\\): (\\w[\\w ]*), ((\\d+) schedules? \\(.*\\)), strategy .*$");

    /** The line's content, or empty if {@code line} is not an exploration's console line. */
    static Optional<ConsoleLine> parse(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleLine(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(4)),
                matcher.group(3)));
    }
}
