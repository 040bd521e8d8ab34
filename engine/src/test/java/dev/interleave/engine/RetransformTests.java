package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.interleave.fixtures.EarlyLoaded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Classes the JVM loaded before the agent attached are retransformed, which cannot change a method's modifiers: they
 * must be explored all the same, with the same schedules as classes transformed as they load. A JVM of its own
 * ({@link EarlyLoadedRun}) loads {@link EarlyLoaded} and its nested classes before the agent, runs its tests, then
 * runs a twin of it that a class loader of its own loads after, with the same seeds.
 */
class RetransformTests {

    private static final List<String> METHODS = List.of("stackPush", "withdraw", "lazyGetter", "boundedBuffer");
    private static Map<String, String> early;
    private static Map<String, String> late;

    @BeforeAll
    static void runBothWays() throws IOException, InterruptedException {
        Path target = Paths.get("target");
        Files.createDirectories(target);
        Path output = Files.createTempFile(target, "early-loaded-", ".txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), EarlyLoadedRun.class.getName(), EarlyLoaded.class.getName()));
        command.addAll(METHODS);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        process.getOutputStream().close();
        // Done once the results are printed: the JVM's exit may lag on a loaded machine
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        String text = "";
        while (System.nanoTime() < deadline && !text.contains(EarlyLoadedRun.END)
                && !process.waitFor(1, TimeUnit.SECONDS)) {
            text = Files.readString(output, StandardCharsets.UTF_8);
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(text).as("the run printed its results within 600 s").contains(EarlyLoadedRun.END);
        early = results(text, "early ");
        late = results(text, "late ");
    }

    /** Each method's report entries and failure, as the run printed them, less the console line with its time. */
    private static Map<String, String> results(String text, String prefix) {
        Map<String, String> results = new LinkedHashMap<>();
        for (String method : METHODS) {
            String start = EarlyLoadedRun.RESULT + prefix + method + "\n";
            int from = text.indexOf(start);
            assertThat(from).as("a result for %s%s", prefix, method).isNotNegative();
            int next = text.indexOf("\n" + EarlyLoadedRun.RESULT, from + start.length());
            int to = next < 0 ? text.indexOf("\n" + EarlyLoadedRun.END, from) : next;
            String result = text.substring(from + start.length(), to);
            results.put(method, result.replaceAll("(?m)^\\[interleave] .*$", "").strip());
        }
        return results;
    }

    @Test
    void bugsInStaticNestedClassesLoadedBeforeTheAgentAreFound() {
        assertThat(early.get("stackPush")).contains("interleave.verdict=failed").contains("Interleaving, ");
        assertThat(early.get("lazyGetter")).contains("interleave.verdict=failed");
        // check-then-act over two synchronized methods: the scheduler decides before each takes its lock
        assertThat(early.get("withdraw")).contains("interleave.verdict=failed")
                .containsPattern("lock Account#\\d \\(synchronized balance\\)")
                .containsPattern("lock Account#\\d \\(synchronized debit\\)");
    }

    @Test
    void aCorrectBoundedBufferLoadedBeforeTheAgentPasses() {
        assertThat(early.get("boundedBuffer")).contains("interleave.verdict=passed")
                .contains("interleave.schedules=200").endsWith("passed");
    }

    @Test
    void retransformedAndLoadTimeTransformedClassesGiveTheSameSchedulesForTheSameSeed() {
        for (String method : METHODS) {
            assertThat(early.get(method)).as(method).isEqualTo(late.get(method));
        }
    }
}
