package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.UncaughtHandlerPrograms;
import org.junit.jupiter.api.Test;

/**
 * A thread's uncaught-exception handler is called as the JVM calls it, on the dying thread, under the scheduler; what
 * it does is the test's business, and a handler that throws is reported with both exceptions.
 */
class UncaughtHandlerTests {

    @Test
    void aHandlerThatTakesTheExceptionLetsTheTestDecide() {
        EngineRuns.run(UncaughtHandlerPrograms.class, "handlerRecords").assertPassedAll(50);
        EngineRuns.run(UncaughtHandlerPrograms.class, "defaultHandlerRecords").assertPassedAll(50);
    }

    @Test
    void theTestsOwnAssertionFailsNotTheWorkersException() {
        ConcurrencyFailure failure = EngineRuns.run(UncaughtHandlerPrograms.class,
                "handlerRecordsAndTheTestExpectsNoFailure").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).startsWith("thread 0 (interleave-test) threw")
                .contains("failures recorded by the handler");
        assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
    }

    @Test
    void whatTheHandlersDoIsExplored() {
        ConcurrencyFailure failure = EngineRuns.run(UncaughtHandlerPrograms.class, "handlersLoseAnUpdate").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).contains("failures handled", "expected: 2", "but was: 1");
    }

    @Test
    void aPoolWorkerKilledByItsTaskGoesToItsHandlerAndIsReplaced() {
        EngineRuns.run(UncaughtHandlerPrograms.class, "poolWorkersHandler").assertPassedAll(50);
    }

    @Test
    void aHandlerThatThrowsIsReportedWithTheExceptionItWasGiven() {
        ConcurrencyFailure failure = EngineRuns.run(UncaughtHandlerPrograms.class, "handlerThrows").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.schedule()).isEqualTo(1);
        assertThat(failure.getMessage().lines().findFirst().orElseThrow()).isEqualTo("thread 1 (worker) threw"
                + " java.lang.IllegalStateException: worker failed, and then its uncaught-exception handler (a lambda"
                + " in dev.interleave.fixtures.UncaughtHandlerPrograms) threw java.lang.IllegalArgumentException:"
                + " handler failed on worker failed (added to the first as suppressed)");
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("worker failed");
        assertThat(failure.getCause().getSuppressed()).hasSize(1);
        assertThat(failure.getCause().getSuppressed()[0]).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handler failed on worker failed");
    }

    @Test
    void withoutAHandlerTheWorkersExceptionIsTheFailure() {
        ConcurrencyFailure failure = EngineRuns.run(UncaughtHandlerPrograms.class, "noHandler").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).startsWith("thread 1 (worker) threw java.lang.IllegalStateException:"
                + " worker failed\n");
        assertThat(failure.getCause().getSuppressed()).isEmpty();
    }
}
