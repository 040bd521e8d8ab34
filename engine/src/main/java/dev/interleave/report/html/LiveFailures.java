package dev.interleave.report.html;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.report.FailureReport;
import dev.interleave.report.StrategyName;
import dev.interleave.schedulefile.ScheduleRecord;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.scheduler.ThreadLabel;

/** The page's view of a schedule that has just failed: the same words as the text report, and the exception. */
public final class LiveFailures {

    private LiveFailures() {
    }

    public static FailureView view(FailureReport report, ScheduleOutcome outcome) {
        List<String> threads = labels(outcome.threadNames());
        ConcurrencyFailure.Kind kind = outcome.failure().kind();
        Blocking blocking = kind == ConcurrencyFailure.Kind.EXCEPTION ? Blocking.NONE
                : Blocking.parse(outcome.failure().description(), threads.size());
        List<String> notes = new ArrayList<>();
        if (outcome.trace().size() < outcome.traceSize()) {
            notes.add("The schedule took " + outcome.traceSize() + " steps; the report keeps the first and the last "
                    + outcome.trace().size() + " of them. Open its schedule file with ScheduleFilePage to see every"
                    + " step.");
        }
        return new FailureView(report.testName(), kind.name(), FailureReport.headline(outcome),
                stackTrace(outcome.failure().cause()), outcome.failure().thread(),
                StrategyName.described(report.strategy()), report.seed(), report.schedule(),
                report.scheduleFile() == null ? null : report.scheduleFile().toString(), report.seedCommand(),
                report.replayCommand(), threads, blocking, StepViews.of(outcome.trace()), outcome.traceSize(),
                notes);
    }

    /** What a schedule file keeps of a failed schedule for its page: the same as the live page shows. */
    public static ScheduleRecord.Details details(ScheduleOutcome outcome) {
        List<String> threads = labels(outcome.threadNames());
        Blocking blocking = outcome.failure().kind() == ConcurrencyFailure.Kind.EXCEPTION ? Blocking.NONE
                : Blocking.parse(outcome.failure().description(), threads.size());
        List<String> waits = new ArrayList<>();
        for (int id = 0; id < threads.size(); id++) {
            String wait = blocking.waitOf(id);
            waits.add(wait == null ? "" : wait);
        }
        List<ScheduleRecord.StepDetail> steps = new ArrayList<>();
        for (StepView step : StepViews.of(outcome.trace())) {
            steps.add(new ScheduleRecord.StepDetail(step.step(), step.what(),
                    step.touched() == null ? "" : step.touched()));
        }
        return new ScheduleRecord.Details(outcome.threadNames(), stackTrace(outcome.failure().cause()), waits,
                blocking.cycle().stream().mapToInt(Integer::intValue).toArray(), steps);
    }

    /** The threads' labels by id, as the text report names them. */
    public static List<String> labels(List<String> names) {
        List<String> labels = new ArrayList<>(names.size());
        for (int id = 0; id < names.size(); id++) {
            labels.add(ThreadLabel.of(id, names.get(id)));
        }
        return labels;
    }

    /** {@code thrown} with its stack trace, as {@code printStackTrace} prints it; null for none. */
    public static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return null;
        }
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            thrown.printStackTrace(out);
        } catch (RuntimeException e) {
            // a toString or getMessage of the code under test that throws: keep what can be had
            return thrown.getClass().getName() + " (its message could not be read: " + e.getClass().getName() + ")";
        }
        return text.toString();
    }
}
