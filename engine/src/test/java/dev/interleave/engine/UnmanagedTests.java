package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.Unmanageable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

class UnmanagedTests {

    @Test
    void refusesTimersWithTheFix() {
        ConcurrencyFailure failure = EngineRuns.run(Unmanageable.class, "usesATimer").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.UNMANAGED_THREAD);
        assertThat(failure.getMessage())
                .contains("had a thread started by java.util.Timer (through java.util.Timer")
                .contains("which Interleave does not manage")
                .contains("Run the test's tasks on a ThreadPoolExecutor");
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void refusesVirtualThreadsWithTheFix() {
        ConcurrencyFailure failure = EngineRuns.run(Unmanageable.class, "startsAVirtualThread").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.UNMANAGED_THREAD);
        assertThat(failure.getMessage()).contains("started a virtual thread")
                .contains("start platform threads instead: new Thread(...) or Thread.ofPlatform().start(...)");
    }

    @Test
    void reportsBlockingInsideTheJdkInsteadOfHanging() {
        ConcurrencyFailure failure = EngineRuns.run(Unmanageable.class, "locksAStringBufferInJdkCode").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.UNMANAGED_BLOCKING);
        assertThat(failure.getMessage()).contains("thread 0 (interleave-test) is blocked (BLOCKED)")
                .contains("java.lang.StringBuffer.append");
    }
}
