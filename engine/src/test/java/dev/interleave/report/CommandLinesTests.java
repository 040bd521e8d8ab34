package dev.interleave.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The printed command lines can be pasted into a shell as they are, for the launcher that runs the tests. */
class CommandLinesTests {

    private static Map<String, String> seed(String seed) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("interleave.seed", seed);
        parameters.put("interleave.strategy", "POS");
        return parameters;
    }

    @Test
    void valuesAShellWouldSplitOrExpandAreQuoted() {
        assertThat(CommandLines.quote("-Dinterleave.seed=7")).isEqualTo("-Dinterleave.seed=7");
        assertThat(CommandLines.quote("-Dinterleave.seed=night 7")).isEqualTo("'-Dinterleave.seed=night 7'");
        assertThat(CommandLines.quote("-Dtest=Outer$Inner#m")).isEqualTo("'-Dtest=Outer$Inner#m'");
        assertThat(CommandLines.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(CommandLines.quote("#comment")).isEqualTo("'#comment'");
    }

    @Test
    void mavenGetsSurefiresTestNameAndSystemProperties() {
        CommandLines lines = new CommandLines(CommandLines.Launcher.MAVEN, "surefirebooter.jar");

        assertThat(lines.run("CounterTest#lostUpdate", "com.example.CounterTest#lostUpdate", seed("night 7")))
                .isEqualTo("mvn test -Dtest=CounterTest#lostUpdate '-Dinterleave.seed=night 7' "
                        + "-Dinterleave.strategy=POS");
    }

    @Test
    void theConsoleLauncherGetsItsOwnJarClassPathMethodSelectorAndConfiguration() {
        CommandLines lines = new CommandLines(CommandLines.Launcher.CONSOLE,
                "lib/junit-platform-console-standalone-6.1.3.jar execute --class-path target/test-classes:lib/x.jar "
                        + "--select-class com.example.CounterTest");

        assertThat(lines.run("CounterTest#lostUpdate", "com.example.CounterTest#lostUpdate", seed("night 7")))
                .isEqualTo("java -jar lib/junit-platform-console-standalone-6.1.3.jar execute --class-path "
                        + "target/test-classes:lib/x.jar --select-method com.example.CounterTest#lostUpdate --config "
                        + "'interleave.seed=night 7' --config interleave.strategy=POS");
    }
}
