package dev.interleave.report.html;

import java.util.List;
import java.util.Objects;

/**
 * Everything a failure page shows, whether it comes from a schedule that just failed or from a schedule file.
 *
 * @param test           the test, {@code CounterTest.lostUpdate()}
 * @param kind           the failure's kind ({@code EXCEPTION}, {@code DEADLOCK}, ...)
 * @param headline       the failure's first line, as the text report prints it
 * @param exception      the exception with its stack trace, or null when there is none (or a file did not keep it)
 * @param failingThread  the thread that threw, or -1 for a failure of the whole schedule
 * @param strategy       the strategy that found it, as the text report describes it
 * @param seed           the exploration's seed
 * @param schedule       the schedule's number in its exploration
 * @param scheduleFile   where the schedule was saved, or null
 * @param seedCommand    the command line that explores again with the same seed, or null
 * @param replayCommand  the command line that replays the schedule file, or null
 * @param threads        the threads' labels, by id, as the text report names them
 * @param blocking       what blocked threads wait for, and the cycle
 * @param steps          the steps the page shows, in order; a step's number may jump where steps were not kept
 * @param totalSteps     how many steps the schedule took
 * @param notes          lines that say where the page's data came from or what it lacks
 */
public record FailureView(String test, String kind, String headline, String exception, int failingThread,
        String strategy, String seed, int schedule, String scheduleFile, String seedCommand, String replayCommand,
        List<String> threads, Blocking blocking, List<StepView> steps, long totalSteps, List<String> notes) {

    public FailureView {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        threads = List.copyOf(threads);
        Objects.requireNonNull(blocking, "blocking");
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }
}
