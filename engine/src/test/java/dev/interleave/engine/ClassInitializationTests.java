package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.ClassInitDeadlocks;
import dev.interleave.fixtures.FailingInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Class initialization is a lock the JVM takes: a thread that touches a class another thread initializes waits for
 * it, so two initializers that touch each other deadlock when two threads start them at once.
 */
class ClassInitializationTests {

    @TempDir
    Path failures;

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "42", "2026"})
    void crossedInitializersDeadlockAndTheReportNamesBothClasses(String seed) {
        ConcurrencyFailure failure = EngineRuns.run(ClassInitDeadlocks.class, "crossedInitializers",
                "interleave.seed", seed).failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.getMessage())
                .containsPattern("thread [01][^\\n]* waits for class First's initialization, which thread [01][^\\n]*"
                        + " runs at ClassInitDeadlocks\\$First\\.<clinit>\\(ClassInitDeadlocks\\.java:17\\)")
                .containsPattern("thread [01][^\\n]* waits for class Second's initialization, which thread [01]"
                        + "[^\\n]* runs at ClassInitDeadlocks\\$Second\\.<clinit>\\(ClassInitDeadlocks\\.java:25\\)")
                .containsPattern("cycle: thread (0 -> thread 1 -> thread 0|1 -> thread 0 -> thread 1)");
    }

    @Test
    void theSameClassesTouchedInOneOrderPass() {
        EngineRuns.run(ClassInitDeadlocks.class, "sameOrder").assertPassedAll(1000);
    }

    @Test
    void initializersThatDoNotTouchEachOtherPass() {
        EngineRuns.run(ClassInitDeadlocks.class, "independentInitializers").assertPassedAll(1000);
    }

    /** In this JVM the classes are initialized by now, whichever test ran first: the model does not care. */
    @Test
    void theDeadlockIsFoundAgainByItsSeedAndByItsScheduleFile() {
        ConcurrencyFailure found = EngineRuns.run(ClassInitDeadlocks.class, "crossedInitializers").failure();
        ConcurrencyFailure again = EngineRuns.run(ClassInitDeadlocks.class, "crossedInitializers").failure();
        assertThat(EngineRuns.interleaving(again)).isEqualTo(EngineRuns.interleaving(found));

        Matcher saved = Pattern.compile("Schedule saved: (\\S+)").matcher(found.getMessage());
        assertThat(saved.find()).as("the report names the saved file:%n%s", found.getMessage()).isTrue();
        ConcurrencyFailure replayed = EngineRuns.run(ClassInitDeadlocks.class, "crossedInitializers",
                "interleave.replay", saved.group(1)).failure();
        assertThat(replayed.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(EngineRuns.interleaving(replayed)).isEqualTo(EngineRuns.interleaving(found));
    }

    /**
     * The class stays broken for the rest of the JVM, as on a real one: the test runs in a JVM of its own, where the
     * fixture's class is not initialized yet.
     */
    @Test
    void anInitializerThatThrowsGivesTheFirstThreadItsErrorAndTheOtherNoClassDefFoundError() throws Exception {
        String test = FailingInitializer.class.getName() + "#twoThreadsTouchIt";
        String later = FailingInitializer.class.getName() + "#usesItAfterwards";
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Dsequence.failures=" + failures,
                "-cp", System.getProperty("java.class.path"), SequenceRun.class.getName(), test, later))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains(test + ": SUCCESSFUL");
        // the next test is told why the class cannot be used, and by what it was broken
        assertThat(output).contains(later + ": FAILED")
                .contains("Could not initialize class " + FailingInitializer.class.getName() + "$Broken")
                .contains("is unusable: its static initializer failed earlier in this JVM")
                .contains("Its first failure: Exception java.lang.IllegalStateException: Broken's initializer fails")
                .doesNotContain("broken by Interleave");
    }
}
