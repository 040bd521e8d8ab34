package dev.interleave.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of one failure: headline, exception, the command lines that run it again, the deadlock's cycle, and the
 * timeline of the interleaving, one lane per thread. The steps travel as compact JSON that the page's script draws
 * a screenful at a time, so that a schedule of a million steps opens as fast as one of ten.
 */
public final class FailurePage {

    /** As the text table: the first steps and, above all, the last ones, which led to the failure. */
    static final int HEAD = 12;
    static final int TAIL = 60;

    static final int FAILING = 1;
    static final int CONFLICT = 2;
    static final int WRITE = 4;

    private FailurePage() {
    }

    /** The page, in the report folder beside its index. */
    public static String render(FailureView view) {
        return render(view, true);
    }

    /** The page; {@code inReportFolder}: whether it links to the index beside it. */
    public static String render(FailureView view, boolean inReportFolder) {
        StringBuilder html = new StringBuilder(64 * 1024 + view.steps().size() * 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(Html.text(PageResources.policy(true))).append("\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>").append(Html.text(view.test() + ": " + firstLine(view.headline())))
                .append("</title>\n<style>\n").append(PageResources.CSS)
                .append(":root { --lanes: ").append(Math.max(1, view.threads().size())).append("; }\n")
                .append("</style>\n</head>\n<body>\n");
        header(html, view, inReportFolder);
        facts(html, view);
        commands(html, view);
        exception(html, view);
        cycle(html, view);
        timeline(html, view);
        html.append("<script type=\"application/json\" id=\"steps-data\">").append(data(view)).append("</script>\n")
                .append("<script>").append(PageResources.SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, FailureView view, boolean inReportFolder) {
        html.append("<header>\n");
        if (inReportFolder) {
            html.append("<p class=\"note\"><a href=\"index.html\">All tests</a></p>\n");
        }
        html
                .append("<h1 id=\"headline\">").append(Html.text(shownHeadline(view))).append("</h1>\n")
                .append("<p class=\"note\" id=\"test\">").append(Html.text(view.test())).append(" &#183; ")
                .append(Html.text(view.kind().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</p>\n");
        for (String note : view.notes()) {
            html.append("<p class=\"note\">").append(Html.text(note)).append("</p>\n");
        }
        html.append("</header>\n");
    }

    private static void facts(StringBuilder html, FailureView view) {
        html.append("<section id=\"facts\">\n<table class=\"facts\">\n");
        fact(html, "Strategy", view.strategy());
        fact(html, "Seed", view.seed());
        fact(html, "Schedule", view.schedule() > 0 ? "number " + view.schedule() + " of the exploration" : null);
        fact(html, "Steps", view.totalSteps() + (view.totalSteps() == 1 ? " step" : " steps")
                + " (thread 0 runs the test method)");
        fact(html, "Schedule file", view.scheduleFile());
        html.append("</table>\n</section>\n");
    }

    private static void fact(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append("<tr><th>").append(name).append("</th><td class=\"mono\">").append(Html.text(value))
                    .append("</td></tr>\n");
        }
    }

    private static void commands(StringBuilder html, FailureView view) {
        if (view.seedCommand() == null && view.replayCommand() == null) {
            return;
        }
        html.append("<section id=\"commands\">\n<h2>Run it again</h2>\n");
        command(html, "cmd-replay", "Replay it exactly", view.replayCommand());
        command(html, "cmd-seed", "Explore again", view.seedCommand());
        html.append("</section>\n");
    }

    private static void command(StringBuilder html, String id, String label, String line) {
        if (line == null) {
            return;
        }
        html.append("<div class=\"cmd\"><span class=\"label\">").append(label).append("</span><code id=\"")
                .append(id).append("\">").append(Html.text(line)).append("</code><button type=\"button\" data-copy=\"")
                .append(id).append("\">Copy</button></div>\n");
    }

    private static void exception(StringBuilder html, FailureView view) {
        if (view.exception() == null) {
            return;
        }
        html.append("<section id=\"exception\">\n<h2>Exception</h2>\n<pre>").append(Html.text(view.exception()))
                .append("</pre>\n</section>\n");
    }

    private static void cycle(StringBuilder html, FailureView view) {
        Blocking blocking = view.blocking();
        List<String> waiting = new ArrayList<>();
        for (int id = 0; id < view.threads().size(); id++) {
            if (blocking.waitOf(id) != null) {
                waiting.add(blocking.waitOf(id));
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        html.append("<section id=\"cycle\">\n<h2>").append(blocking.cycle().isEmpty() ? "Blocked threads"
                : "Cycle of waiting").append("</h2>\n");
        if (!blocking.cycle().isEmpty()) {
            CycleDrawing.append(html, blocking.cycle(), view.threads());
        }
        html.append("<ul class=\"waits\">\n");
        for (String line : waiting) {
            html.append("<li>").append(Html.text(line)).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static void timeline(StringBuilder html, FailureView view) {
        html.append("<section id=\"timeline-section\">\n<h2>Timeline</h2>\n<p class=\"legend\">")
                .append("<span class=\"l-read\">a step</span><span class=\"l-write\">a write</span>")
                .append("<span class=\"l-conflict\">conflicts with the failing step</span>")
                .append("<span class=\"l-failing\">the failing step</span>")
                .append("<span class=\"l-waiting\">blocked, waiting</span>")
                .append(" Hover a step for where it is and what it touched. ")
                .append("<button type=\"button\" id=\"toggle-fold\" hidden=\"hidden\">Unfold</button></p>\n")
                .append("<div id=\"lanes-head\" class=\"grid\"><div>step</div>");
        for (int id = 0; id < view.threads().size(); id++) {
            html.append("<div class=\"thread\" title=\"").append(Html.text(view.threads().get(id))).append("\">")
                    .append(Html.text(view.threads().get(id))).append("</div>");
        }
        html.append("<div>where</div></div>\n<div id=\"timeline\"><div id=\"rows\"></div></div>\n")
                .append("<div id=\"end-state\" class=\"grid\"><div>end</div>");
        int[] last = lastStepOf(view);
        for (int id = 0; id < view.threads().size(); id++) {
            String wait = view.blocking().waitOf(id);
            if (wait != null) {
                html.append("<div class=\"blocked\" title=\"").append(Html.text(wait)).append("\">")
                        .append(Html.text(wait)).append("</div>");
            } else if (last[id] >= 0 && view.steps().get(last[id]).kind().equals("END")) {
                html.append("<div class=\"ended\">ended</div>");
            } else {
                html.append("<div></div>");
            }
        }
        html.append("<div></div></div>\n</section>\n");
    }

    private static int[] lastStepOf(FailureView view) {
        int[] last = new int[view.threads().size()];
        java.util.Arrays.fill(last, -1);
        List<StepView> steps = view.steps();
        for (int i = 0; i < steps.size(); i++) {
            int thread = steps.get(i).thread();
            if (thread >= 0 && thread < last.length) {
                last[thread] = i;
            }
        }
        return last;
    }

    /**
     * The steps as JSON: a table of distinct strings, and six numbers a step (how many step numbers were skipped
     * before it, thread, what, where, touched as indices into the table, flags), so that a million steps take a few
     * megabytes.
     */
    static String data(FailureView view) {
        List<StepView> steps = view.steps();
        int[] flags = flags(view);
        Map<String, Integer> strings = new LinkedHashMap<>();
        StringBuilder numbers = new StringBuilder(steps.size() * 14);
        long previous = 0;
        for (int i = 0; i < steps.size(); i++) {
            StepView step = steps.get(i);
            if (i > 0) {
                numbers.append(',');
            }
            numbers.append(Math.max(0, step.step() - previous - 1)).append(',').append(step.thread()).append(',')
                    .append(index(strings, step.what())).append(',').append(index(strings, step.where()))
                    .append(',').append(step.touched() == null ? -1 : index(strings, step.touched())).append(',')
                    .append(flags[i]);
            previous = Math.max(previous + 1, step.step());
        }
        StringBuilder json = new StringBuilder(numbers.length() + 1024);
        json.append("{\"head\":").append(HEAD).append(",\"tail\":").append(TAIL).append(",\"threads\":[");
        for (int id = 0; id < view.threads().size(); id++) {
            json.append(id == 0 ? "" : ",").append(Html.json(view.threads().get(id)));
        }
        json.append("],\"waits\":[");
        for (int id = 0; id < view.threads().size(); id++) {
            json.append(id == 0 ? "" : ",").append(Html.json(view.blocking().waitOf(id)));
        }
        json.append("],\"strings\":[");
        boolean first = true;
        for (String text : strings.keySet()) {
            json.append(first ? "" : ",").append(Html.json(text));
            first = false;
        }
        return json.append("],\"steps\":[").append(numbers).append("]}").toString();
    }

    private static int index(Map<String, Integer> strings, String text) {
        return strings.computeIfAbsent(text == null ? "" : text, key -> strings.size());
    }

    /**
     * Which steps failed, which conflict with a failing one, and which wrote. The failing steps: the last step of the
     * thread that threw that touched something (or its last step), or the last step of every blocked thread.
     */
    static int[] flags(FailureView view) {
        List<StepView> steps = view.steps();
        int[] flags = new int[steps.size()];
        int[] last = lastStepOf(view);
        List<Integer> failing = new ArrayList<>();
        if (view.failingThread() >= 0) {
            int chosen = -1;
            for (int i = steps.size() - 1; i >= 0 && chosen < 0; i--) {
                if (steps.get(i).thread() == view.failingThread() && steps.get(i).touched() != null) {
                    chosen = i;
                }
            }
            if (chosen < 0 && view.failingThread() < last.length) {
                chosen = last[view.failingThread()];
            }
            if (chosen >= 0) {
                failing.add(chosen);
            }
        }
        // a deadlock's failing steps are those where the threads of its cycle stopped (all blocked threads' without one)
        List<Integer> cycle = view.blocking().cycle();
        for (int id = 0; id < last.length; id++) {
            boolean stuck = cycle.isEmpty() ? view.blocking().waitOf(id) != null : cycle.contains(id);
            if (stuck && last[id] >= 0) {
                failing.add(last[id]);
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            StepView step = steps.get(i);
            if (step.write()) {
                flags[i] |= WRITE;
            }
            for (int f : failing) {
                if (f == i) {
                    flags[i] |= FAILING;
                } else if (step.conflictsWith(steps.get(f))) {
                    flags[i] |= CONFLICT;
                }
            }
        }
        return flags;
    }

    /**
     * An exception's headline is its message, whole; a deadlock's or a hang's first line says what happened, and the
     * lines after it, what each thread waits for, are drawn below.
     */
    private static String shownHeadline(FailureView view) {
        boolean drawn = !view.blocking().cycle().isEmpty() || view.blocking().waits().stream()
                .anyMatch(java.util.Objects::nonNull);
        return view.kind().equals("EXCEPTION") || !drawn ? view.headline() : firstLine(view.headline());
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
