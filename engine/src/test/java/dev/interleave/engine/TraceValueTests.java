package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.LostUpdateCounter;
import dev.interleave.fixtures.TraceValues;
import dev.interleave.schedulefile.ScheduleFiles;
import dev.interleave.schedulefile.ScheduleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure report's interleaving shows what each read saw, each write stored and each deciding call returned. */
class TraceValueTests {

    private static final Pattern COUNTER_ROW = Pattern.compile(
            "^\\s*(\\d+)\\s+.*?(read LostUpdateCounter\\.count \u2192|write LostUpdateCounter\\.count \u2190)"
                    + " (\\S+)\\s+"
                    + "LostUpdateCounter\\.increment\\(LostUpdateCounter\\.java:\\d+\\)$");

    @Test
    void aLostUpdateReadsZeroTwiceAndWritesOneTwice() {
        String message = EngineRuns.run(LostUpdateCounter.class, "twoIncrements").failure().getMessage();

        List<String> accesses = new ArrayList<>();
        for (String line : message.split("\n")) {
            Matcher row = COUNTER_ROW.matcher(line);
            if (row.matches()) {
                accesses.add(row.group(2) + " " + row.group(3));
            }
        }
        assertThat(accesses).containsExactly("read LostUpdateCounter.count \u2192 0",
                "read LostUpdateCounter.count \u2192 0", "write LostUpdateCounter.count \u2190 1",
                "write LostUpdateCounter.count \u2190 1");
        // and the test method reads what the last write stored
        assertThat(message).containsPattern("read LostUpdateCounter\\.count \u2192 1\\s+"
                + "LostUpdateCounter\\.twoIncrements\\(");
    }

    @Test
    void anObjectIsNamedByItsNumberInTheScheduleTheSameInEveryRow() {
        String message = EngineRuns.run(TraceValues.class, "lostPush").failure().getMessage();

        assertThat(message).contains("read TraceValues.head \u2192 null", "write TraceValues.head \u2190 Node#1",
                "write TraceValues.head \u2190 Node#2", "write TraceValues.head \u2190 Node#3");
        // both pushes after the first read the same head, Node#1: one of them is lost
        assertThat(rowsContaining(message, "read TraceValues.head \u2192 Node#1")).hasSize(2);
        assertThat(message).doesNotContain("Node#4").doesNotContainPattern("Node@[0-9a-f]");
    }

    @Test
    void anArrayElementShowsItsValue() {
        String message = EngineRuns.run(TraceValues.class, "lostArrayUpdate").failure().getMessage();

        assertThat(rowsContaining(message, "read int[]#1[1] \u2192 0")).hasSize(2);
        assertThat(rowsContaining(message, "write int[]#1[1] \u2190 1")).hasSize(2);
    }

    @Test
    void aCompareAndSetThatFailedShowsFalse() {
        String message = EngineRuns.run(TraceValues.class, "claimLost").failure().getMessage();

        assertThat(rowsContaining(message, "call AtomicInteger.compareAndSet() \u2192 true")).hasSize(1);
        assertThat(rowsContaining(message, "call AtomicInteger.compareAndSet() \u2192 false")).hasSize(1);
    }

    @Test
    void aStringIsQuotedWithItsControlCharactersEscapedAndCut() {
        String message = EngineRuns.run(TraceValues.class, "messageSeenTooEarly").failure().getMessage();
        String table = message.substring(message.indexOf("\nstep "));

        assertThat(table).contains("read TraceValues.message \u2192 \"none\"")
                .contains("write TraceValues.message \u2190 \"first line\\nsecond\\tline \\\"quote")
                .doesNotContain("\t").doesNotContain("\nsecond");
        // the longest cell is cut: a table row stays within a few columns' width
        assertThat(Arrays.stream(table.split("\n")).mapToInt(String::length).max().orElseThrow()).isLessThan(220);
    }

    @Test
    void theSameSeedShowsTheSameValuesTwice(@TempDir Path failures) {
        String[] sameFolderNoRerun = {"interleave.failures.dir", failures.toString(), "interleave.failures.rerun",
                "false"};
        String first = EngineRuns.run(TraceValues.class, "lostPush", sameFolderNoRerun).failure().getMessage();
        String second = EngineRuns.run(TraceValues.class, "lostPush", sameFolderNoRerun).failure().getMessage();

        assertThat(first).contains("\u2190 Node#2");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theScheduleFileKeepsTheValuesAndItsReplayShowsThemAgain() {
        ConcurrencyFailure found = EngineRuns.run(LostUpdateCounter.class, "twoIncrements").failure();
        ScheduleRecord record = ScheduleFiles.read(found.scheduleFile().orElseThrow());

        List<String> saved = new ArrayList<>();
        for (int i = 0; i < record.values().steps().length; i++) {
            int step = record.values().steps()[i];
            ScheduleRecord.EventKey event = record.events().get(record.trace()[step - 1]);
            if (event.site().contains("LostUpdateCounter.count")) {
                saved.add(event.site().replaceAll(" at .*", "") + " " + record.values().texts().get(i));
            }
        }
        assertThat(saved).hasSize(5).allMatch(value -> value.endsWith(" 0") || value.endsWith(" 1"));

        ConcurrencyFailure replayed = EngineRuns.run(LostUpdateCounter.class, "twoIncrements", "interleave.replay",
                found.scheduleFile().orElseThrow().toString()).failure();
        assertThat(table(replayed.getMessage())).isEqualTo(table(found.getMessage()))
                .contains("write LostUpdateCounter.count \u2190 1");
    }

    private static String table(String message) {
        return message.substring(message.indexOf("\nInterleaving, "));
    }

    private static List<String> rowsContaining(String message, String text) {
        List<String> rows = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (line.contains(text)) {
                rows.add(line);
            }
        }
        return rows;
    }
}
