package dev.interleave.report.html;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.interleave.report.CommandLines;
import dev.interleave.report.FailureReport;
import dev.interleave.report.StrategyName;
import dev.interleave.schedulefile.ScheduleRecord;
import dev.interleave.schedulefile.ScheduleRecord.Details;
import dev.interleave.schedulefile.ScheduleRecord.EventKey;
import dev.interleave.schedulefile.ScheduleRecord.StepDetail;

/**
 * The page's view of a schedule file: every step of its trace, in the words the text report used where the file
 * kept them (format version 3), else in the words of its events; the thread names, exception, waits and cycle where
 * it kept them, else what its headline says.
 */
public final class FileFailures {

    private FileFailures() {
    }

    public static FailureView view(Path file, ScheduleRecord record) {
        Details details = record.details();
        ScheduleRecord.TestIdentity test = record.test();
        String simpleClass = test.className().substring(test.className().lastIndexOf('.') + 1);
        FailureReport report = new FailureReport(simpleClass + "." + test.methodName() + "()",
                simpleClass + "#" + test.methodName(), record.strategy(), record.seed(), record.schedule(),
                record.schedule()).qualifiedAs(test.className() + "#" + test.methodName())
                .printingCommands(new CommandLines(CommandLines.Launcher.MAVEN, "")).savedTo(file);
        List<String> threads = threads(record);
        Blocking blocking = blocking(record, threads.size());
        List<String> notes = new ArrayList<>();
        notes.add("Made from the schedule file " + file.getFileName() + ", recorded by Interleave "
                + record.frameworkVersion() + " on JDK " + record.jdkVersion() + "; nothing was run again.");
        if (details == null) {
            notes.add("The file is of an older format, which kept neither the threads' names, the exception, nor"
                    + " the objects each step touched: the page shows what its events and headline say.");
        }
        return new FailureView(report.testName(), record.failure().kind(), record.failure().headline(),
                details == null ? null : details.exception(), record.failure().thread(),
                StrategyName.described(record.strategy()), record.seed(), record.schedule(), file.toString(),
                report.seedCommand(), report.replayCommand(), threads, blocking, steps(record), record.trace().length,
                notes);
    }

    private static List<String> threads(ScheduleRecord record) {
        Details details = record.details();
        int count = 0;
        for (EventKey event : record.events()) {
            count = Math.max(count, event.thread() + 1);
        }
        if (details != null && !details.threadNames().isEmpty()) {
            List<String> names = new ArrayList<>(details.threadNames());
            for (int id = names.size(); id < count; id++) {
                names.add("Thread-" + id); // a default name: labelled by its id alone
            }
            return LiveFailures.labels(names);
        }
        List<String> labels = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            labels.add("thread " + id);
        }
        return labels;
    }

    private static Blocking blocking(ScheduleRecord record, int threads) {
        Details details = record.details();
        if (details != null) {
            List<String> waits = new ArrayList<>();
            for (int id = 0; id < threads; id++) {
                String wait = id < details.waits().size() ? details.waits().get(id) : "";
                waits.add(wait.isEmpty() ? null : wait);
            }
            List<Integer> cycle = new ArrayList<>();
            Arrays.stream(details.cycle()).filter(id -> id < threads).forEach(cycle::add);
            return new Blocking(waits, cycle);
        }
        String kind = record.failure().kind();
        return kind.equals("DEADLOCK") || kind.equals("HANG") ? Blocking.parse(record.failure().headline(), threads)
                : Blocking.NONE;
    }

    /** Every step of the trace: its event's words, or the text report's where the file kept them. */
    static List<StepView> steps(ScheduleRecord record) {
        Map<Integer, StepDetail> kept = new HashMap<>();
        if (record.details() != null) {
            for (StepDetail detail : record.details().steps()) {
                kept.put(detail.step(), detail);
            }
        }
        List<EventKey> events = record.events();
        StepView[] byEvent = new StepView[events.size()];
        int[] trace = record.trace();
        List<StepView> steps = new ArrayList<>(trace.length);
        for (int i = 0; i < trace.length; i++) {
            EventKey event = events.get(trace[i]);
            StepView plain = byEvent[trace[i]];
            if (plain == null) {
                plain = plain(event);
                byEvent[trace[i]] = plain;
            }
            StepDetail detail = kept.get(i + 1);
            if (detail != null) {
                steps.add(new StepView(i + 1, plain.thread(), plain.kind(), detail.what(), plain.where(),
                        detail.touched().isEmpty() ? null : detail.touched(), plain.write()));
            } else {
                // a file without the page's details may still keep the step's value (the details' words have it)
                String value = record.values().of(i + 1);
                String what = value == null ? plain.what()
                        : plain.what() + (plain.write() ? " \u2190 " : " \u2192 ") + value;
                steps.add(new StepView(i + 1, plain.thread(), plain.kind(), what, plain.where(),
                        plain.touched(), plain.write()));
            }
        }
        return steps;
    }

    /** A step in the words its event keeps: {@code read Counter.count} at {@code Counter.add(Counter.java:9)}. */
    private static StepView plain(EventKey event) {
        String kind = event.kind();
        int slash = kind.indexOf('/');
        String op = slash < 0 ? kind : kind.substring(0, slash);
        String access = slash < 0 ? "" : kind.substring(slash + 1);
        String site = event.site();
        int at = site.lastIndexOf(" at ");
        String description = at < 0 ? site : site.substring(0, at);
        String where = at < 0 ? "" : site.substring(at + 4);
        String what = switch (op) {
            case "BEGIN" -> "starts";
            case "END" -> "ends";
            case "START" -> "start a thread";
            case "PARK" -> "park";
            case "UNPARK" -> "unpark";
            default -> description.isEmpty() ? op.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : description;
        };
        String touched = op.equals("ACCESS") && (access.equals("READ") || access.equals("WRITE"))
                ? StepViews.field(description, null) : null;
        return new StepView(0, event.thread(), op, what, where, touched, access.endsWith("WRITE"));
    }
}
