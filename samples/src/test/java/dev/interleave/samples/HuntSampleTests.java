package dev.interleave.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.samples.hunt.ReadThroughCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The hunt as a new user meets it: the ordinary Jupiter tests of {@link ReadThroughCache}, hunted in two shards of a
 * budget each; the racy test is found, no correct one is reported, and the finding's file replays the same
 * interleaving in another JVM.
 */
class HuntSampleTests {

    private static final String TEST_CLASS = "dev.interleave.samples.hunt.ReadThroughCacheTest";

    @TempDir
    Path folder;

    @Test
    void twoShardsFindTheHiddenRaceAndNothingElseAndItsFileReplaysInAnotherJvm() throws Exception {
        List<ConcurrencyFailure> findings = new ArrayList<>();
        for (String shard : List.of("1/2", "2/2")) {
            EngineExecutionResults results = EngineTestKit.engine("interleave")
                    .selectors(selectClass(TEST_CLASS))
                    .configurationParameter("interleave.hunt", "true")
                    .configurationParameter("interleave.hunt.include", "dev.interleave.samples.hunt.**")
                    .configurationParameter("interleave.hunt.budget", "40s")
                    .configurationParameter("interleave.shard", shard)
                    .configurationParameter("interleave.seed", "nightly-1")
                    .configurationParameter("interleave.failures.dir", folder.toString())
                    .execute();
            assertThat(results.testEvents().finished().count()).as("every test of the class, 2 repetitions")
                    .isEqualTo(6);
            for (Event failed : results.testEvents().failed().list()) {
                assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("loadsEachKeyOnce()");
                Throwable thrown = failed.getRequiredPayload(TestExecutionResult.class).getThrowable()
                        .orElseThrow();
                assertThat(thrown).isInstanceOf(ConcurrencyFailure.class);
                findings.add((ConcurrencyFailure) thrown);
            }
            assertThat(results.testEvents().aborted().count()).as("nothing here is unhuntable").isZero();
        }
        assertThat(findings).as("the race is found in one shard at least").isNotEmpty();
        String summary = Files.readString(folder.resolve("hunt.json"));
        assertThat(summary).contains("\"shards\": [\"1/2\", \"2/2\"]")
                .contains("\"findings\": 1}")
                .containsPattern("\"test\": \"" + TEST_CLASS + "#loadsEachKeyOnce\", [^\\n]*\"verdict\": \"finding\"");

        ConcurrencyFailure finding = findings.get(0);
        Path file = finding.scheduleFile().orElseThrow();
        assertThat(finding.getCause()).hasMessageContaining("expected: <1> but was: <2>");
        String replayed = replayInAnotherJvm(file);
        assertThat(replayed).contains("failed when replaying " + file)
                .contains("expected: <1> but was: <2>");
        assertThat(interleaving(replayed)).isEqualTo(interleaving(finding.getMessage()));
    }

    private static String interleaving(String report) {
        int start = report.indexOf("\nInterleaving, ");
        int end = report.indexOf("\n\nKeep it");
        return report.substring(start, end < 0 ? report.length() : end);
    }

    private String replayInAnotherJvm(Path file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                HuntReplayRun.class.getName(), TEST_CLASS + "#loadsEachKeyOnce", file.toString(),
                folder.resolve("replay").toString()))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the run's output").contains(HuntReplayRun.END);
        return output.substring(output.indexOf(HuntReplayRun.START) + HuntReplayRun.START.length(),
                output.indexOf(HuntReplayRun.END));
    }
}
