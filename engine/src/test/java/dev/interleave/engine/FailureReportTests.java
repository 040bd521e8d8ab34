package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.ChildThreadAssertion;
import dev.interleave.fixtures.LostUpdateCounter;
import org.junit.jupiter.api.Test;

class FailureReportTests {

    @Test
    void findsSeed002LostUpdateAndReportsTheInterleaving() {
        ConcurrencyFailure failure = EngineRuns.run(LostUpdateCounter.class, "twoIncrements").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getCause()).isInstanceOf(AssertionError.class).hasMessageContaining("2");
        assertThat(failure.seed()).isEqualTo("42");
        assertThat(failure.schedule()).isBetween(1, 10);
        assertThat(failure.getMessage())
                .startsWith("thread 0 (interleave-test) threw")
                .contains("failed in schedule " + failure.schedule() + " of at most 200 (strategy RANDOM, seed 42)")
                .contains("Run it again: mvn test -Dtest=LostUpdateCounter#twoIncrements -Dinterleave.seed=42")
                .contains("read LostUpdateCounter.count", "write LostUpdateCounter.count")
                .contains("LostUpdateCounter.increment(LostUpdateCounter.java:")
                .contains("start thread 1", "join: thread 1 ended");
    }

    @Test
    void theSameSeedPrintsTheSameReport() {
        String first = EngineRuns.run(LostUpdateCounter.class, "twoIncrements").failure().getMessage();
        String second = EngineRuns.run(LostUpdateCounter.class, "twoIncrements").failure().getMessage();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedIsHonoured() {
        ConcurrencyFailure failure = EngineRuns.run(LostUpdateCounter.class, "twoIncrements",
                "interleave.seed", "nightly-7").failure();

        assertThat(failure.seed()).isEqualTo("nightly-7");
        assertThat(failure.getMessage()).contains("-Dinterleave.seed=nightly-7");
    }

    @Test
    void namesTheThreadThatThrew() {
        ConcurrencyFailure failure = EngineRuns.run(ChildThreadAssertion.class, "readerSeesFlagBeforeValue").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class)
                .hasMessage("saw the flag before the value: 0");
        assertThat(failure.getMessage()).startsWith("thread 1 threw java.lang.IllegalStateException")
                .contains("read ChildThreadAssertion.published", "write ChildThreadAssertion.published");
    }
}
