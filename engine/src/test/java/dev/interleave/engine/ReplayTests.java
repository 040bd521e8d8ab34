package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.LostUpdateCounter;
import dev.interleave.fixtures.Replayable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.commons.JUnitException;

/**
 * A failing schedule is saved to a file; the file replays it exactly; a replay of changed code says where it left
 * the recorded path; the schedules that failed a test before are replayed first, and forgotten once they pass.
 */
class ReplayTests {

    @TempDir
    Path failures;

    @AfterEach
    void restoreFixture() {
        Replayable.checked = true;
        Replayable.extraRead = false;
    }

    @Test
    void aFailingScheduleIsSavedWhereTheReportSays() {
        ConcurrencyFailure failure = explore().failure();

        Path expected = failures.resolve(Replayable.class.getName())
                .resolve("lostUpdate-42-" + failure.schedule() + ".schedule");
        assertThat(failure.scheduleFile()).contains(expected);
        assertThat(expected).isRegularFile();
        assertThat(failure.getMessage())
                .contains("Schedule saved: " + expected)
                .contains("Replay it exactly: mvn test -Dtest=Replayable#lostUpdate -Dinterleave.replay=" + expected);
    }

    @Test
    void theFileReplaysTheSameFailureStepForStep() {
        ConcurrencyFailure found = explore().failure();
        Path file = found.scheduleFile().orElseThrow();

        for (int i = 0; i < 3; i++) {
            ConcurrencyFailure replayed = replay(file.toString()).failure();
            assertThat(replayed.kind()).isEqualTo(found.kind());
            assertThat(replayed.seed()).isEqualTo("42");
            assertThat(replayed.schedule()).isEqualTo(found.schedule());
            assertThat(replayed.scheduleFile()).contains(file);
            assertThat(replayed.getMessage()).contains("failed when replaying " + file);
            assertThat(EngineRuns.interleaving(replayed)).isEqualTo(EngineRuns.interleaving(found));
        }
    }

    @Test
    void aFolderReplaysEveryScheduleOfTheTest() {
        ConcurrencyFailure found = explore().failure();

        ConcurrencyFailure fromRoot = replay(failures.toString()).failure();
        ConcurrencyFailure fromClassFolder = replay(failures.resolve(Replayable.class.getName()).toString())
                .failure();

        assertThat(EngineRuns.interleaving(fromRoot)).isEqualTo(EngineRuns.interleaving(found));
        assertThat(EngineRuns.interleaving(fromClassFolder)).isEqualTo(EngineRuns.interleaving(found));
    }

    @Test
    void aReplayOfChangedCodeSaysWhereItLeftTheRecordedPath() {
        Path file = explore().failure().scheduleFile().orElseThrow();
        Replayable.extraRead = true;

        Throwable thrown = replay(file.toString()).throwable();

        assertThat(thrown).isInstanceOf(JUnitException.class);
        assertThat(thrown.getMessage())
                .startsWith(file + ": the replay left the recorded schedule at step ")
                .containsPattern("the recorded schedule has thread \\d: (read|write) Replayable\\.count at "
                        + "Replayable\\.increment\\(Replayable\\.java:\\d+\\), but thread \\d: "
                        + "(read|write) Replayable\\.(count|seen) at Replayable\\.increment\\(Replayable\\.java:\\d+\\)"
                        + " happened")
                .contains("-Dinterleave.seed=42");
    }

    @Test
    void aReplayThatNoLongerFailsPasses() {
        Path file = explore().failure().scheduleFile().orElseThrow();
        Replayable.checked = false;

        EngineRuns run = replay(file.toString());

        assertThat(run.passed()).as("%s", run.result).isTrue();
        assertThat(file).as("a file the user named is never deleted").exists();
    }

    @Test
    void pastFailuresAreReplayedFirst() {
        ConcurrencyFailure found = explore().failure();

        // Another seed would explore other schedules; the one that failed before comes first all the same.
        ConcurrencyFailure again = EngineRuns.run(Replayable.class, "lostUpdate", "interleave.seed", "77",
                "interleave.failures.dir", failures.toString()).failure();

        assertThat(again.getMessage()).contains("failed when replaying " + found.scheduleFile().orElseThrow());
        assertThat(again.seed()).isEqualTo("42");
        assertThat(EngineRuns.interleaving(again)).isEqualTo(EngineRuns.interleaving(found));
    }

    @Test
    void aPastFailureThatPassesIsForgotten() {
        Path file = explore().failure().scheduleFile().orElseThrow();
        Replayable.checked = false;

        EngineRuns run = explore();

        run.assertPassedAll(200);
        assertThat(file).doesNotExist();
    }

    @Test
    void aPastFailureOfCodeThatChangedIsForgotten() {
        Path file = explore().failure().scheduleFile().orElseThrow();
        Replayable.extraRead = true;

        ConcurrencyFailure failure = explore().failure();

        assertThat(file).doesNotExist();
        assertThat(failure.getMessage()).doesNotContain("when replaying");
        assertThat(failure.scheduleFile()).get().isNotEqualTo(file);
    }

    @Test
    void pastFailuresAreLeftAloneWhenRerunIsOff() {
        Path file = explore().failure().scheduleFile().orElseThrow();

        ConcurrencyFailure failure = EngineRuns.run(Replayable.class, "lostUpdate", "interleave.seed", "77",
                "interleave.failures.dir", failures.toString(), "interleave.failures.rerun", "false").failure();

        assertThat(failure.seed()).isEqualTo("77");
        assertThat(failure.getMessage()).doesNotContain("when replaying");
        assertThat(file).exists();
    }

    @Test
    void aMissingPathIsNamed() {
        Path missing = failures.resolve("nowhere.schedule");

        Throwable thrown = replay(missing.toString()).throwable();

        assertThat(thrown).isInstanceOf(JUnitException.class).hasMessageStartingWith(missing + ": no such file");
    }

    @Test
    void aFolderWithoutSchedulesIsNamed() {
        Throwable thrown = replay(failures.toString()).throwable();

        assertThat(thrown).hasMessageStartingWith(failures + ": a folder without schedule files for "
                + Replayable.class.getName() + "#lostUpdate()");
    }

    @Test
    void aFileOfRandomBytesIsRefusedWithItsName() throws IOException {
        Path file = failures.resolve("noise.schedule");
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);
        Files.write(file, noise);

        Throwable thrown = replay(file.toString()).throwable();

        assertThat(thrown).isInstanceOf(JUnitException.class).hasMessageStartingWith(file + ": ");
        assertThat(thrown.getMessage()).doesNotContain("\n");
    }

    @Test
    void aTruncatedFileIsRefusedWithItsName() throws IOException {
        Path file = explore().failure().scheduleFile().orElseThrow();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        Throwable thrown = replay(file.toString()).throwable();

        assertThat(thrown).isInstanceOf(JUnitException.class).hasMessageStartingWith(file + ": ");
    }

    @Test
    void aFileOfAnotherTestIsRefused() {
        Path file = EngineRuns.run(LostUpdateCounter.class, "twoIncrements", "interleave.failures.dir",
                failures.toString()).failure().scheduleFile().orElseThrow();

        Throwable thrown = replay(file.toString()).throwable();

        assertThat(thrown).hasMessage(file + ": recorded for " + LostUpdateCounter.class.getName()
                + "#twoIncrements(), not for " + Replayable.class.getName() + "#lostUpdate(); replay it with that"
                + " test, or give this test a file of its own");
    }

    @Test
    void aBadFileInThePastFailuresIsSkippedAndKept() throws IOException {
        Path folder = Files.createDirectories(failures.resolve(Replayable.class.getName()));
        Path bad = Files.write(folder.resolve("lostUpdate-1-1.schedule"), new byte[] {1, 2, 3});

        ConcurrencyFailure failure = explore().failure();

        assertThat(failure.getMessage()).doesNotContain("when replaying");
        assertThat(bad).exists();
        assertThat(schedulesIn(folder)).hasSize(2);
    }

    @Test
    void withRecordingOffNothingIsSavedAndTheReportSaysWhy() {
        ConcurrencyFailure failure = EngineRuns.run(Replayable.class, "lostUpdate", "interleave.failures.dir",
                failures.toString(), "interleave.recording", "false").failure();

        assertThat(failure.scheduleFile()).isEmpty();
        assertThat(failure.getMessage()).contains("The schedule was not saved: recording is off");
        // only the HTML report, whose page the failure still has, is there
        assertThat(failures).isDirectoryContaining(path -> path.getFileName().toString().equals("report"))
                .isDirectoryNotContaining(path -> !path.getFileName().toString().equals("report"));
    }

    private EngineRuns explore() {
        return EngineRuns.run(Replayable.class, "lostUpdate", "interleave.failures.dir", failures.toString());
    }

    private EngineRuns replay(String path) {
        return EngineRuns.run(Replayable.class, "lostUpdate", "interleave.replay", path,
                "interleave.failures.dir", failures.toString());
    }

    private static List<Path> schedulesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".schedule")).collect(Collectors.toList());
        }
    }
}
