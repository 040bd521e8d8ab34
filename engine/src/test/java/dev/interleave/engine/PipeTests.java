package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.Pipes;
import org.junit.jupiter.api.Test;

/** The JDK's pipes wait in timed loops; under the scheduler a pipe nobody writes is a deadlock, found at once. */
class PipeTests {

    @Test
    void twoPipesWhoseEndsBothReceiveFirstAreADeadlock() {
        EngineRuns run = EngineRuns.run(Pipes.class, "bothSidesReceiveFirst");
        ConcurrencyFailure failure = run.failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.schedule()).isEqualTo(1);
        assertThat(failure.getMessage())
                .containsPattern("thread 0 \\(interleave-test\\) waits in PipedInputStream#\\d\\.wait\\(timeout\\)")
                .containsPattern("thread 1 \\(y\\) waits in PipedInputStream#\\d\\.wait\\(timeout\\)")
                .contains("at PipedInputStream.read(")
                .contains("The timed waits above are inside the JDK");
        // Each read waits a second at a time for ever; the JDK's loop is never run to a step bound.
        assertThat(Integer.parseInt(run.entries.get("interleave.steps"))).isLessThan(200);
    }

    @Test
    void aPipeWhoseWriterIsOnlySlowPasses() {
        EngineRuns run = EngineRuns.run(Pipes.class, "oneSideSendsFirst").assertPassedAll(200);

        // 200 schedules, each with a five-second sleep and one-second polls: virtual time, no wall time
        assertThat(run.wallTime).isLessThan(Duration.ofSeconds(60));
    }
}
