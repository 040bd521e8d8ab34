package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.ChildLostUpdate;
import dev.interleave.fixtures.ChildThreadAssertion;
import dev.interleave.fixtures.LostUpdateCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class FailureReportTests {

    /** A row of the interleaving table that accesses the counter: which access, the value, and where. */
    private static final Pattern COUNTER_ACCESS = Pattern.compile(
            "^\\s*\\d+\\s+.*?(read|write) LostUpdateCounter\\.count [\u2192\u2190] \\d+\\s+"
                    + "LostUpdateCounter\\.increment\\(LostUpdateCounter\\.java:\\d+\\)$");

    @Test
    void findsSeed002LostUpdateAndSaysHowToRunItAgain() {
        EngineRuns run = EngineRuns.run(LostUpdateCounter.class, "twoIncrements");
        ConcurrencyFailure failure = run.failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getCause()).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected: 2").hasMessageContaining("but was: 1");
        assertThat(failure.seed()).isEqualTo("42");
        assertThat(failure.schedule()).isBetween(1, 50);
        assertThat(failure.getMessage())
                .contains("thread 0 (interleave-test) threw org.opentest4j.AssertionFailedError")
                .containsPattern("failed in schedule " + failure.schedule() + " of at most 200 \\(strategy PORTFOLIO"
                        + " \\(this schedule: [A-Z]+(, depth \\d)?\\), seed 42\\)")
                .contains("Run it again: mvn test -Dtest=LostUpdateCounter#twoIncrements -Dinterleave.seed=42"
                        + " -Dinterleave.strategy=PORTFOLIO\n");
        assertThat(run.entries).containsEntry("interleave.verdict", "failed")
                .containsEntry("interleave.schedules", Integer.toString(failure.schedule()))
                .containsEntry("interleave.seed", "42");
    }

    @Test
    void theInterleavingTableShowsEachThreadsAccessesInItsOwnColumnWithTheirSourceLine() {
        String message = EngineRuns.run(LostUpdateCounter.class, "twoIncrements").failure().getMessage();
        List<String> lines = Arrays.asList(message.split("\n"));

        String header = lines.stream().filter(line -> line.startsWith("step")).findFirst().orElseThrow();
        assertThat(header).matches("step\\s+thread 0 \\(interleave-test\\)\\s+thread 1\\s+where");
        int threadOneColumn = header.indexOf("thread 1");

        List<String> accesses = new ArrayList<>();
        for (String line : lines) {
            Matcher row = COUNTER_ACCESS.matcher(line);
            if (row.matches()) {
                String thread = line.indexOf(row.group(1)) >= threadOneColumn ? "thread 1" : "thread 0";
                accesses.add(thread + " " + row.group(1));
            }
        }
        // A lost update: both threads read the counter before the first write.
        assertThat(accesses).hasSize(4).containsExactlyInAnyOrder(
                "thread 0 read", "thread 0 write", "thread 1 read", "thread 1 write");
        assertThat(accesses.subList(0, 2)).containsExactlyInAnyOrder("thread 0 read", "thread 1 read");
        assertThat(message).contains("start thread 1", "join: thread 1 ended")
                .containsPattern("\\(LostUpdateCounter\\.java:\\d+\\)");
    }

    @Test
    void theSameSeedGivesTheSameReportByteForByte(@TempDir Path failures) {
        String[] sameFolderNoRerun = {"interleave.failures.dir", failures.toString(), "interleave.failures.rerun",
                "false"};
        ConcurrencyFailure first = EngineRuns.run(LostUpdateCounter.class, "twoIncrements", sameFolderNoRerun)
                .failure();
        ConcurrencyFailure second = EngineRuns.run(LostUpdateCounter.class, "twoIncrements", sameFolderNoRerun)
                .failure();

        assertThat(second.schedule()).isEqualTo(first.schedule());
        assertThat(second.getMessage()).isEqualTo(first.getMessage());
    }

    @Test
    void aSeedGivenAsAConfigurationParameterIsHonoured() {
        ConcurrencyFailure failure = EngineRuns.run(LostUpdateCounter.class, "twoIncrements",
                "interleave.seed", "nightly-7").failure();

        assertThat(failure.seed()).isEqualTo("nightly-7");
        assertThat(failure.getMessage()).contains("seed nightly-7")
                .contains("-Dtest=LostUpdateCounter#twoIncrements -Dinterleave.seed=nightly-7");
    }

    @Test
    void aSeedAndAFolderWithSpacesAreQuotedInTheLinesThatRunItAgain() throws IOException {
        Files.createDirectories(Path.of("target"));
        Path folder = Files.createTempDirectory(Path.of("target"), "with space ").toAbsolutePath();
        ConcurrencyFailure failure = EngineRuns.run(LostUpdateCounter.class, "twoIncrements",
                "interleave.seed", "night 7", "interleave.failures.dir", folder.toString()).failure();

        assertThat(failure.getMessage())
                .contains("Run it again: mvn test -Dtest=LostUpdateCounter#twoIncrements '-Dinterleave.seed=night 7'")
                .contains("Replay it exactly: mvn test -Dtest=LostUpdateCounter#twoIncrements '-Dinterleave.replay="
                        + folder + "/dev.interleave.fixtures.LostUpdateCounter/twoIncrements-night_7-1.schedule'");
    }

    @Test
    void theStatisticsAreOnTheTestsOutputForSurefiresXmlReport() {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EngineRuns.run(LostUpdateCounter.class, "twoIncrements", "interleave.seed", "42");
        } finally {
            System.setOut(console);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .containsPattern("\\[interleave\\] LostUpdateCounter.twoIncrements\\(\\): interleave.verdict=failed, "
                        + "interleave.steps=\\d+, interleave.millis=\\d+, interleave.schedules=1, "
                        + "interleave.interleavings=1, .*interleave.strategy=PORTFOLIO, interleave.seed=42");
    }

    @Test
    void aLostUpdateAssertedInAStartedThreadIsReportedAsThatThreads() {
        ConcurrencyFailure failure = EngineRuns.run(ChildLostUpdate.class, "checkedByAChild").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getCause()).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("count after both increments");
        assertThat(failure.schedule()).isBetween(1, 50);
        assertThat(failure.getMessage()).contains("thread 1 threw org.opentest4j.AssertionFailedError")
                .doesNotContain("thread 0 (interleave-test) threw")
                .contains("read ChildLostUpdate.count", "write ChildLostUpdate.count")
                .contains("Run it again: mvn test -Dtest=ChildLostUpdate#checkedByAChild -Dinterleave.seed=11");
        List<String> header = Arrays.stream(failure.getMessage().split("\n")).filter(line -> line.startsWith("step"))
                .collect(Collectors.toList());
        assertThat(header).singleElement().asString()
                .matches("step\\s+thread 0 \\(interleave-test\\)\\s+thread 1\\s+thread 2\\s+where");
    }

    @Test
    void anExceptionInAStartedThreadIsReportedAsThatThreads() {
        ConcurrencyFailure failure = EngineRuns.run(ChildThreadAssertion.class, "readerSeesFlagBeforeValue").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class)
                .hasMessage("saw the flag before the value: 0");
        assertThat(failure.getMessage()).contains("thread 1 threw java.lang.IllegalStateException")
                .contains("read ChildThreadAssertion.published", "write ChildThreadAssertion.published");
    }
}
