package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.SelectorPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A selector loop that walks {@code selectedKeys()} explores the same schedules for the same seed, in one JVM and
 * in the next: the keys come in the order they were registered, whatever the JVM's identity hashes of them.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectorLoopTests {

    @TempDir
    Path failures;

    @Test
    void theSameSeedExploresTheSameSchedulesOfASelectedKeysLoopTwiceInAJvm() {
        // RANDOM first: the default portfolio's SURW also learns from how a JVM's first exploration ran static
        // initializers, which the RANDOM runs have run by then
        for (String strategy : List.of("RANDOM", "default")) {
            String[] parameters = strategy.equals("default") ? new String[0]
                    : new String[] {"interleave.strategy", strategy};
            EngineRuns first = EngineRuns.run(SelectorPrograms.class, "selectedKeysLoop", parameters)
                    .assertPassedAll(30);
            EngineRuns second = EngineRuns.run(SelectorPrograms.class, "selectedKeysLoop", parameters)
                    .assertPassedAll(30);
            for (String entry : FreshJvmExploration.FIGURES) {
                assertThat(second.entries.get(entry)).as("%s %s", strategy, entry)
                        .isNotNull().isEqualTo(first.entries.get(entry));
            }
        }
    }

    @Test
    void theSameSeedExploresTheSameSchedulesOfASelectedKeysLoopInTwoJvms() throws Exception {
        String test = SelectorPrograms.class.getName() + "#selectedKeysLoop";
        for (String strategy : List.of("RANDOM", "default")) {
            List<String> parameters = new ArrayList<>(List.of("interleave.failures.dir", failures.toString()));
            if (!strategy.equals("default")) {
                parameters.addAll(List.of("interleave.strategy", strategy));
            }
            String first = exploreInFreshJvm(test, parameters);
            String second = exploreInFreshJvm(test, parameters);
            assertThat(first).as(strategy).contains("result: SUCCESSFUL").contains("interleave.steps=")
                    .doesNotContain("=null");
            assertThat(second).as(strategy).isEqualTo(first);
        }
    }

    @Test
    void aSelectedKeysLoopsFailureIsFoundTheSameTwiceAndReplays() {
        ConcurrencyFailure found = EngineRuns.run(SelectorPrograms.class, "selectedKeysLoopExpectsTheFirstClientFirst",
                "interleave.strategy", "RANDOM").failure();

        assertThat(found.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(found.getCause()).hasMessageContaining("letters in the order of the connections");
        ConcurrencyFailure again = EngineRuns.run(SelectorPrograms.class, "selectedKeysLoopExpectsTheFirstClientFirst",
                "interleave.strategy", "RANDOM").failure();
        assertThat(again.schedule()).as("the same seed fails at the same schedule").isEqualTo(found.schedule());
        assertThat(EngineRuns.interleaving(again)).isEqualTo(EngineRuns.interleaving(found));
        String file = found.scheduleFile().orElseThrow().toString();
        for (int i = 0; i < 2; i++) {
            ConcurrencyFailure replayed = EngineRuns.run(SelectorPrograms.class,
                    "selectedKeysLoopExpectsTheFirstClientFirst", "interleave.replay", file).failure();
            assertThat(replayed.getMessage()).contains("failed when replaying");
            assertThat(EngineRuns.interleaving(replayed)).isEqualTo(EngineRuns.interleaving(found));
        }
    }

    private static String exploreInFreshJvm(String test, List<String> parameters)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                FreshJvmExploration.class.getName(), test));
        command.addAll(parameters);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the run's output").contains(FreshJvmExploration.END);
        return output.substring(output.indexOf("result: "), output.indexOf(FreshJvmExploration.END));
    }
}
