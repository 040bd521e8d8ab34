package dev.interleave.report.html;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The report folder's index: one row per {@code @ConcurrencyTest}, with a link to the page of each failure. */
final class IndexPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private IndexPage() {
    }

    static String render(List<TestResult> results) {
        long failed = results.stream().filter(result -> result.verdict().equals("failed")).count();
        StringBuilder html = new StringBuilder(8 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(Html.text(PageResources.policy(false))).append("\" />\n")
                .append("<title>Interleave report</title>\n<style>\n").append(PageResources.CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1 id=\"summary\" class=\"index-title\">")
                .append(results.size()).append(results.size() == 1 ? " concurrency test, " : " concurrency tests, ")
                .append(failed).append(" failed</h1>\n<p class=\"note\">Each test's most recent run; a run of some")
                .append(" tests replaces their rows and keeps the others. Delete this folder (mvn clean) to start")
                .append(" afresh.</p>\n</header>\n<section>\n<table class=\"index\" id=\"tests\">\n<thead><tr>")
                .append("<th>test</th><th>verdict</th><th>strategy</th><th>seed</th><th>schedules</th>")
                .append("<th>distinct interleavings</th><th>time</th><th>exhaustive exploration</th>")
                .append("<th>failure</th><th>run at</th></tr></thead>\n<tbody>\n");
        for (TestResult result : results) {
            html.append("<tr><td class=\"mono\" title=\"").append(Html.text(result.className())).append("\">")
                    .append(Html.text(result.test())).append("</td><td class=\"verdict-")
                    .append(result.verdict().replaceAll("[^a-z]", "-")).append("\">")
                    .append(Html.text(result.verdict())).append("</td><td>").append(Html.text(result.strategy()))
                    .append("</td><td class=\"mono\">").append(Html.text(result.seed()))
                    .append("</td><td class=\"num\">").append(result.schedules()).append("</td><td class=\"num\">")
                    .append(result.interleavings() < 0 ? "" : Integer.toString(result.interleavings()))
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.2f s", result.millis() / 1000.0)).append("</td><td>")
                    .append(Html.text(result.coverage())).append("</td><td>");
            if (!result.page().isEmpty()) {
                html.append("<a href=\"").append(Html.text(result.page())).append("\">")
                        .append(Html.text(clip(result.headline()))).append("</a>");
            } else {
                html.append(Html.text(clip(result.headline())));
            }
            html.append("</td><td class=\"note\">").append(TIME.format(Instant.ofEpochMilli(result.finishedAt())))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</section>\n</body>\n</html>\n").toString();
    }

    private static String clip(String text) {
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
