package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.interleave.fixtures.LockDeadlocks;
import dev.interleave.report.html.ScheduleFilePage;
import dev.interleave.schedulefile.OlderFormats;
import dev.interleave.schedulefile.ScheduleFileException;
import dev.interleave.schedulefile.ScheduleFiles;
import dev.interleave.schedulefile.ScheduleRecord;
import dev.interleave.schedulefile.ScheduleRecord.EventKey;
import org.junit.jupiter.api.Test;

/**
 * {@code ScheduleFilePage} turns a schedule file into the failure's page without running anything: the same lanes
 * and cycle as the page the engine wrote, what an older file has, a clear error for a file that is not one, and a
 * million-step schedule that opens at once.
 */
class ScheduleFilePageTests {

    @Test
    void aSavedScheduleGivesThePageTheEngineDrewWithoutRunningAnything() throws Exception {
        Path folder = HtmlReportTests.fresh("from-file");
        EngineRuns.run(LockDeadlocks.class, "readersAndAQueuedWriter", "interleave.failures.dir", folder.toString())
                .failure();
        Path schedule = onlySchedule(folder);
        Path page = folder.resolve("from-file.html");

        Output run = run(schedule.toString(), page.toString());

        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out.trim()).isEqualTo(page.toAbsolutePath().toUri().toString());
        String html = Files.readString(page);
        PageChecks.wellFormed(html);
        String live = Chromium.dom(HtmlReportTests.onlyPage(folder.resolve("report")), "");
        String fromFile = Chromium.dom(page, "");
        assertThat(HtmlReportTests.lanes(fromFile)).containsExactlyElementsOf(HtmlReportTests.lanes(live))
                .hasSize(4);
        HtmlReportTests.assertCycle(fromFile);
        assertThat(HtmlReportTests.blocked(fromFile)).isEqualTo(HtmlReportTests.blocked(live));
        assertThat(texts(HtmlReportTests.rows(fromFile))).isEqualTo(texts(HtmlReportTests.rows(live)));
        assertThat(fromFile).contains("nothing was run again").doesNotContain("href=\"index.html\"");
    }

    @Test
    void aFileOfTheOlderFormatGivesAPageWithWhatItHas() throws Exception {
        Path folder = HtmlReportTests.fresh("older-file");
        EngineRuns.run(LockDeadlocks.class, "readersAndAQueuedWriter", "interleave.failures.dir", folder.toString())
                .failure();
        ScheduleRecord record = ScheduleFiles.read(onlySchedule(folder));
        Path older = OlderFormats.write(record, 2, folder.resolve("older.schedule"));

        Output run = run(older.toString());

        assertThat(run.status).as(run.err).isZero();
        Path page = folder.resolve("older.html");
        PageChecks.wellFormed(Files.readString(page));
        String dom = Chromium.dom(page, "");
        // the file did not keep the threads' names, so the lanes are named by id; its headline still has the cycle
        assertThat(HtmlReportTests.lanes(dom)).containsExactly("thread 0", "thread 1", "thread 2", "thread 3");
        HtmlReportTests.assertCycle(dom, "", "", "");
        assertThat(HtmlReportTests.blocked(dom)).hasSize(4);
        assertThat(dom).contains("an older format");
        assertThat(HtmlReportTests.rows(dom)).hasSize(record.trace().length);
    }

    @Test
    void aFileThatIsNotAScheduleGetsTheSameClearErrorAsAReplay() throws Exception {
        Path folder = HtmlReportTests.fresh("corrupt-file");
        Path foreign = Files.writeString(folder.resolve("notes.schedule"), "these are my notes, not a schedule");
        String expected = "";
        try {
            ScheduleFiles.read(foreign);
        } catch (ScheduleFileException e) {
            expected = e.getMessage();
        }

        Output run = run(foreign.toString());

        assertThat(run.status).isEqualTo(1);
        assertThat(expected).contains("not an Interleave schedule file");
        assertThat(run.err.trim()).isEqualTo(expected);
        assertThat(folder.resolve("notes.html")).doesNotExist();
        Output usage = run();
        assertThat(usage.status).isEqualTo(2);
        assertThat(usage.err).contains("usage: java -cp").contains("ScheduleFilePage <file.schedule> [out.html]");
    }

    @Test
    void aMillionStepScheduleOpensAtOnceAndDrawsOnlyWhatIsOnScreen() throws Exception {
        Path folder = HtmlReportTests.fresh("million");
        Path schedule = folder.resolve("million.schedule");
        ScheduleFiles.write(schedule, millionSteps());
        assertThat(run(schedule.toString()).status).isZero();
        Path page = folder.resolve("million.html");
        assertThat(Files.size(page)).as("the page's bytes").isLessThan(20L << 20);

        long started = System.nanoTime();
        String folded = Chromium.dom(page, "");
        String end = Chromium.dom(page, "#step=999990");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("a million-step page, opened folded and unfolded at its end: " + millis + " ms");

        assertThat(folded).contains("data-ready=\"true\"").contains("data-folded=\"true\"")
                .contains("data-rows=\"73\"").contains("\u2026 999928 steps not shown");
        assertThat(end).contains("data-folded=\"false\"").contains("data-rows=\"1000000\"")
                .contains("data-step=\"999990\"").contains("data-step=\"1000000\"");
        assertThat(HtmlReportTests.renderedRows(end)).as("rows drawn at once").isLessThan(200);
    }

    /** Two threads taking turns, a million steps, as a file of format version 2 would hold them. */
    private static ScheduleRecord millionSteps() {
        List<EventKey> events = List.of(
                new EventKey(0, "ACCESS/READ", "read Counter.count at Counter.add(Counter.java:9)"),
                new EventKey(0, "ACCESS/WRITE", "write Counter.count at Counter.add(Counter.java:9)"),
                new EventKey(1, "ACCESS/READ", "read Counter.count at Counter.add(Counter.java:9)"),
                new EventKey(1, "ACCESS/WRITE", "write Counter.count at Counter.add(Counter.java:9)"));
        int[] trace = new int[1_000_000];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = i % 4;
        }
        return new ScheduleRecord(new ScheduleRecord.TestIdentity("com.example.Counter", "add", ""), "RANDOM", "7",
                3, "0.1.0-SNAPSHOT", "17", 2_000_000, new int[] {0, 1}, events, trace,
                new ScheduleRecord.FailureSummary("EXCEPTION", 0, "thread 0 threw java.lang.AssertionError"), true);
    }

    private static List<String> texts(List<HtmlReportTests.Row> rows) {
        List<String> texts = new ArrayList<>();
        rows.forEach(row -> texts.add(row.step + " " + row.lane + " " + row.classes + " " + row.text));
        return texts;
    }

    private static Path onlySchedule(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> schedules = files.filter(file -> file.toString().endsWith(".schedule"))
                    .collect(Collectors.toList());
            assertThat(schedules).hasSize(1);
            return schedules.get(0);
        }
    }

    /** {@code record} as format version 2 wrote it: the body of version 3 without its last byte, no details. */
    private static Output run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScheduleFilePage.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final class Output {
        final int status;
        final String out;
        final String err;

        Output(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }
    }
}
