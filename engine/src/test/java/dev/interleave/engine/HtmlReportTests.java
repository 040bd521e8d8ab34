package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.CorrectPrograms;
import dev.interleave.fixtures.HostileMessages;
import dev.interleave.fixtures.LockDeadlocks;
import dev.interleave.fixtures.LongSchedules;
import dev.interleave.fixtures.LostUpdateCounter;
import dev.interleave.fixtures.Pipes;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The HTML report, opened in headless Chromium as a person would open it: the pages of seed 002's lost update, seed
 * 004's reader/writer deadlock and the pipe deadlock show one lane per thread, the conflicting steps, the blocked
 * threads and the cycle; a hostile message is shown as text; a long schedule is folded and unfolds.
 */
class HtmlReportTests {

    static final Path SCREENSHOTS = Paths.get("target", "interleave-screenshots");

    @Test
    void aLostUpdateIsDrawnOneLanePerThreadWithTheWriteThatConflictsWithTheFailingRead() throws Exception {
        Path folder = fresh("lost-update");
        ConcurrencyFailure failure = EngineRuns.run(LostUpdateCounter.class, "twoIncrements",
                "interleave.failures.dir", folder.toString()).failure();
        Path report = folder.resolve("report");
        Path page = onlyPage(report);
        assertThat(failure.getMessage()).contains("See it drawn: " + page.toUri());

        String index = Files.readString(report.resolve("index.html"));
        PageChecks.wellFormed(index);
        assertThat(index).contains("LostUpdateCounter.twoIncrements()").contains(">failed<")
                .contains("href=\"" + page.getFileName() + "\"").contains("expected: 2");
        String html = Files.readString(page);
        PageChecks.wellFormed(html);

        String dom = Chromium.dom(page, "");
        assertThat(dom).contains("data-ready=\"true\"");
        assertThat(lanes(dom)).containsExactly("thread 0 (interleave-test)", "thread 1");
        List<Row> rows = rows(dom);
        assertThat(rows).extracting(row -> row.step).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, rows.size()).boxed().collect(Collectors.toList()));
        Row failing = single(rows, "failing");
        assertThat(failing.lane).isZero();
        assertThat(failing.text).isEqualTo("read LostUpdateCounter.count \u2192 1");
        assertThat(rows).filteredOn(row -> row.classes.contains("conflict"))
                .extracting(row -> row.lane + ": " + row.text).contains("1: write LostUpdateCounter.count \u2190 1");
        // the lost update, read off the page: both threads stored 1
        assertThat(rows).filteredOn(row -> row.text.equals("write LostUpdateCounter.count \u2190 1"))
                .extracting(row -> row.lane).containsExactlyInAnyOrder(0, 1);
        assertThat(code(dom, "cmd-seed")).contains("-Dinterleave.seed=42");
        assertThat(code(dom, "cmd-replay")).contains("-Dinterleave.replay=").contains(".schedule");
        assertThat(dom).contains("data-copy=\"cmd-seed\"").contains("data-copy=\"cmd-replay\"");
        assertThat(dom).contains("<section id=\"exception\">").contains("at dev.interleave.fixtures.LostUpdateCounter");
        Chromium.screenshot(page, "", SCREENSHOTS.resolve("lost-update.png"), 1400, 1000);
    }

    @Test
    void seed004sReaderWriterDeadlockDrawsItsCycleAndWhatEachThreadWaitsFor() throws Exception {
        Path folder = fresh("reader-writer");
        EngineRuns.run(LockDeadlocks.class, "readersAndAQueuedWriter", "interleave.failures.dir", folder.toString())
                .failure();
        Path page = onlyPage(folder.resolve("report"));
        PageChecks.wellFormed(Files.readString(page));

        String dom = Chromium.dom(page, "");
        assertThat(lanes(dom)).containsExactly("thread 0 (interleave-test)", "thread 1 (x)", "thread 2 (y)",
                "thread 3 (z)");
        assertCycle(dom);
        List<String> blocked = blocked(dom);
        assertThat(blocked).hasSize(4);
        assertThat(blocked.get(1)).contains("thread 1 (x) waits to lock ReentrantReadWriteLock#1 for reading");
        assertThat(blocked.get(2)).contains("thread 2 (y) waits to lock ReentrantLock#1, held by thread 1 (x)");
        assertThat(blocked.get(3)).contains("thread 3 (z) waits to lock ReentrantReadWriteLock#1 for writing");
        List<Row> rows = rows(dom);
        // the threads of the cycle stop at their last steps, and are drawn waiting below them
        assertThat(rows).filteredOn(row -> row.classes.contains("failing")).extracting(row -> row.lane)
                .containsExactlyInAnyOrder(1, 2, 3);
        Row last = rows.get(rows.size() - 1);
        assertThat(last.waiting).as("lanes drawn waiting in the last row").isNotEmpty();
        Chromium.screenshot(page, "", SCREENSHOTS.resolve("reader-writer-deadlock.png"), 1300, 1750);
    }

    /** The cycle drawn: thread 1 waits for 3, 3 for 2, 2 for 1, each arrow titled with who waits for whom. */
    static void assertCycle(String dom) {
        assertCycle(dom, " (x)", " (y)", " (z)");
    }

    /** As {@link #assertCycle(String)}, with what follows the ids of threads 1, 2 and 3 in their labels. */
    static void assertCycle(String dom, String x, String y, String z) {
        assertThat(dom).contains("<svg id=\"cycle-drawing\"");
        Matcher nodes = Pattern.compile("<g class=\"node\" data-thread=\"(\\d+)\">").matcher(dom);
        List<String> members = new ArrayList<>();
        while (nodes.find()) {
            members.add(nodes.group(1));
        }
        assertThat(members).containsExactly("1", "3", "2");
        assertThat(dom).contains("<title>thread 1" + x + " waits for thread 3" + z + "</title>")
                .contains("<title>thread 3" + z + " waits for thread 2" + y + "</title>")
                .contains("<title>thread 2" + y + " waits for thread 1" + x + "</title>");
    }

    @Test
    void thePipeDeadlockShowsBothSidesBlockedInTheirReads() throws Exception {
        Path folder = fresh("pipe");
        EngineRuns.run(Pipes.class, "bothSidesReceiveFirst", "interleave.failures.dir", folder.toString()).failure();
        Path page = onlyPage(folder.resolve("report"));
        PageChecks.wellFormed(Files.readString(page));

        String dom = Chromium.dom(page, "");
        assertThat(lanes(dom)).containsExactly("thread 0 (interleave-test)", "thread 1 (y)");
        List<String> blocked = blocked(dom);
        assertThat(blocked).hasSize(2);
        assertThat(blocked.get(0)).containsPattern("thread 0 \\(interleave-test\\) waits in PipedInputStream#\\d");
        assertThat(blocked.get(1)).containsPattern("thread 1 \\(y\\) waits in PipedInputStream#\\d");
        assertThat(rows(dom)).filteredOn(row -> row.classes.contains("failing")).hasSize(2);
        Chromium.screenshot(page, "", SCREENSHOTS.resolve("pipe-deadlock.png"), 1400, 1100);
    }

    @Test
    void aMessageAndAThreadNameMadeOfMarkupAreShownAsTextAndNeverRun() throws Exception {
        Path folder = fresh("hostile");
        ConcurrencyFailure failure = EngineRuns.run(HostileMessages.class, "failsWithMarkup",
                "interleave.failures.dir", folder.toString()).failure();
        assertThat(failure.getMessage()).contains(HostileMessages.MESSAGE);
        Path page = onlyPage(folder.resolve("report"));
        String html = Files.readString(page);
        PageChecks.wellFormed(html);
        PageChecks.wellFormed(Files.readString(folder.resolve("report").resolve("index.html")));

        String dom = Chromium.dom(page, "");
        assertThat(dom).as("the page's own script ran").contains("data-ready=\"true\"");
        // the markers are text on the page; no element carries one as an attribute
        assertThat(dom).doesNotContainPattern("<[a-z]+[^<>]*\\sdata-pwned=").doesNotContain("<img");
        assertThat(dom).contains("&lt;/script&gt;&lt;script&gt;document.body.setAttribute('data-pwned','script')"
                + "&lt;/script&gt;&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"&gt;");
        assertThat(lanes(dom)).containsExactly("thread 0 (interleave-test)",
                "thread 1 (&lt;script&gt;document.body.setAttribute('data-pwned','thread')&lt;/script&gt;)");
        String index = Chromium.dom(folder.resolve("report").resolve("index.html"), "");
        assertThat(index).doesNotContainPattern("<[a-z]+[^<>]*\\sdata-pwned=").contains("&lt;/script&gt;&lt;script&gt;");
    }

    @Test
    void aLongScheduleIsFoldedAsTheTextTableFoldsItAndUnfoldsToEveryKeptStep() throws Exception {
        Path folder = fresh("long");
        EngineRuns.run(LongSchedules.class, "spinsForAFlagNobodySets", "interleave.failures.dir", folder.toString(),
                "interleave.maxSteps", "5000", "interleave.shrink", "false").failure();
        Path page = onlyPage(folder.resolve("report"));
        PageChecks.wellFormed(Files.readString(page));

        String folded = Chromium.dom(page, "");
        assertThat(folded).contains("data-folded=\"true\"").contains("data-rows=\"73\"");
        List<Row> rows = rows(folded);
        assertThat(rows).hasSize(72);
        assertThat(rows.get(11).step).isEqualTo(12);
        assertThat(rows.get(12).step).isEqualTo(rows.get(71).step - 59);
        assertThat(folded).containsPattern("<div class=\"row gap\"[^>]*><span>\u2026 \\d+ steps not shown</span>"
                + "<button type=\"button\" class=\"unfold\">Unfold</button>");
        assertThat(folded).contains("<button type=\"button\" id=\"toggle-fold\">Unfold: show all 2200 steps</button>");

        String unfolded = Chromium.dom(page, "#unfold");
        assertThat(unfolded).contains("data-folded=\"false\"").contains("data-rows=\"2201\"");
        assertThat(renderedRows(unfolded)).as("rows drawn at once").isLessThan(200);
        // the report keeps the first 200 steps and the last 2000 (the hang is found a little past the bound): one
        // row says how many between them were not kept
        Matcher total = Pattern.compile("<th>Steps</th><td class=\"mono\">(\\d+) steps").matcher(unfolded);
        assertThat(total.find()).isTrue();
        int notKept = Integer.parseInt(total.group(1)) - 2200;
        assertThat(notKept).isGreaterThan(2000);
        String middle = Chromium.dom(page, "#step=" + (201 + notKept));
        assertThat(middle).contains("data-step=\"200\"").contains("data-step=\"" + (201 + notKept) + "\"")
                .contains("\u2026 " + notKept + " steps not recorded in the report");
        Chromium.screenshot(page, "", SCREENSHOTS.resolve("long-schedule-folded.png"), 1400, 1000);
    }

    @Test
    void testsOfSeveralClassesInOneExecutionShareOneIndexAndExhaustiveSaysWhatItProved() throws Exception {
        Path folder = fresh("index");
        EngineTestKit.engine("interleave")
                .selectors(selectMethod(LostUpdateCounter.class, "twoIncrements"),
                        selectMethod(CorrectPrograms.class, "synchronizedCounter"))
                .configurationParameter("interleave.failures.dir", folder.toString())
                .configurationParameter("interleave.strategy", "EXHAUSTIVE")
                .execute();
        String index = Files.readString(folder.resolve("report").resolve("index.html"));
        PageChecks.wellFormed(index);
        assertThat(index).contains("2 concurrency tests, 1 failed").contains("LostUpdateCounter.twoIncrements()")
                .contains("CorrectPrograms.synchronizedCounter()").contains(">passed<")
                .containsPattern("all \\d+ interleavings explored");

        // a later run of one of them replaces its row and keeps the other's
        EngineRuns.run(CorrectPrograms.class, "synchronizedCounter", "interleave.failures.dir", folder.toString(),
                "interleave.strategy", "RANDOM", "interleave.schedules", "3");
        String again = Files.readString(folder.resolve("report").resolve("index.html"));
        assertThat(again).contains("2 concurrency tests, 1 failed").contains("LostUpdateCounter.twoIncrements()")
                .doesNotContainPattern("all \\d+ interleavings explored").contains(">RANDOM<");
    }

    @Test
    void theReportIsOffWithInterleaveReportFalseAndAnyOtherValueIsRefused() throws Exception {
        Path folder = fresh("off");
        EngineRuns.run(LostUpdateCounter.class, "twoIncrements", "interleave.failures.dir", folder.toString(),
                "interleave.report", "false").failure();
        assertThat(folder.resolve("report")).doesNotExist();

        Throwable refused = EngineRuns.run(LostUpdateCounter.class, "twoIncrements", "interleave.report",
                "sometimes").throwable();
        assertThat(refused).hasMessageContaining("-Dinterleave.report=sometimes is neither true nor false");
    }

    static Path fresh(String name) throws IOException {
        Files.createDirectories(Paths.get("target"));
        return Files.createTempDirectory(Paths.get("target"), "html-report-" + name + "-");
    }

    static Path onlyPage(Path report) throws IOException {
        try (Stream<Path> files = Files.list(report)) {
            List<Path> pages = files.filter(file -> file.toString().endsWith(".html")
                    && !file.getFileName().toString().equals("index.html")).collect(Collectors.toList());
            assertThat(pages).as("failure pages in %s", report).hasSize(1);
            return pages.get(0);
        }
    }

    /** The lanes' names, from the timeline's header. */
    static List<String> lanes(String dom) {
        Matcher matcher = Pattern.compile("<div class=\"thread\" title=\"[^\"]*\">([^<]*)</div>").matcher(dom);
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** What each thread waits for at the end, from the row below the timeline; null for a thread that does not. */
    static List<String> blocked(String dom) {
        int start = dom.indexOf("<div id=\"end-state\"");
        assertThat(start).isNotNegative();
        Matcher matcher = Pattern.compile("<div class=\"blocked\"[^>]*>([^<]*)</div>")
                .matcher(dom.substring(start, dom.indexOf("</section>", start)));
        List<String> waits = new ArrayList<>();
        while (matcher.find()) {
            waits.add(matcher.group(1));
        }
        return waits;
    }

    static String code(String dom, String id) {
        Matcher matcher = Pattern.compile("<code id=\"" + id + "\">([^<]*)</code>").matcher(dom);
        assertThat(matcher.find()).as("a command line %s", id).isTrue();
        return matcher.group(1);
    }

    static int renderedRows(String dom) {
        Matcher matcher = Pattern.compile("data-rendered-rows=\"(\\d+)\"").matcher(dom);
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    static Row single(List<Row> rows, String className) {
        List<Row> found = rows.stream().filter(row -> row.classes.contains(className)).collect(Collectors.toList());
        assertThat(found).as("rows of class %s", className).hasSize(1);
        return found.get(0);
    }

    /** The step rows the page's script drew: their classes, step, the lane of the thread that acted, its words. */
    static List<Row> rows(String dom) {
        Pattern row = Pattern.compile("<div class=\"row grid([^\"]*)\" data-step=\"(\\d+)\"[^>]*>"
                + "((?:<div[^>]*>[^<]*</div>)*)</div>");
        Pattern cell = Pattern.compile("<div class=\"([^\"]*)\"[^>]*>([^<]*)</div>");
        List<Row> rows = new ArrayList<>();
        Matcher matcher = row.matcher(dom);
        while (matcher.find()) {
            Matcher cells = cell.matcher(matcher.group(3));
            int lane = -1;
            String text = "";
            List<Integer> waiting = new ArrayList<>();
            int column = -1;
            while (cells.find()) {
                String classes = cells.group(1);
                if (classes.startsWith("lane")) {
                    column++;
                    if (classes.contains("act")) {
                        lane = column;
                        text = cells.group(2);
                    }
                    if (classes.contains("waiting")) {
                        waiting.add(column);
                    }
                }
            }
            rows.add(new Row(Integer.parseInt(matcher.group(2)), matcher.group(1), lane, text, waiting));
        }
        return rows;
    }

    static final class Row {
        final int step;
        final String classes;
        final int lane;
        final String text;
        final List<Integer> waiting;

        Row(int step, String classes, int lane, String text, List<Integer> waiting) {
            this.step = step;
            this.classes = classes;
            this.lane = lane;
            this.text = text;
            this.waiting = waiting;
        }

        @Override
        public String toString() {
            return step + classes + " lane " + lane + ": " + text;
        }
    }
}
