package dev.interleave.samples.benchmark;

import dev.interleave.ConcurrencyFailure;

/**
 * The first run of a sample that went wrong with real threads.
 *
 * @param run the number of the run, counting from 1
 * @param kind {@code EXCEPTION}, {@code DEADLOCK} or {@code HANG}: the kinds Interleave reports, so the two can be
 *     compared with each other and with a sample's {@code @BugSample}
 * @param detail one line: what was thrown and by which thread, or what each stuck thread was doing
 */
record StressFailure(long run, ConcurrencyFailure.Kind kind, String detail) {

    StressFailure {
        if (run < 1) {
            throw new IllegalArgumentException("runs count from 1, not " + run);
        }
        // One line without tabs: the detail is the last field of a tab-separated line.
        detail = detail.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
