package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.VarHandles;
import org.junit.jupiter.api.Test;

/** A VarHandle's accesses are scheduling points, as a field's are. */
class VarHandleTests {

    @Test
    void aVolatileReadThenWriteThroughAVarHandleLosesAnUpdate() {
        ConcurrencyFailure failure = EngineRuns.run(VarHandles.class, "volatileReadThenWrite").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getMessage()).contains("call VarHandle.getVolatile()", "call VarHandle.setVolatile()");
    }

    @Test
    void aCompareAndSetLoopPassesEverySchedule() {
        EngineRuns.run(VarHandles.class, "compareAndSet").assertPassedAll(300);
    }
}
