package dev.interleave.engine;

import dev.interleave.ConcurrencyTest;

/**
 * A {@code @ConcurrencyTest} in one of the framework's own packages, which the agent never instruments: it stands
 * for any class the agent could not rewrite.
 */
public class NotInstrumentable {

    private int count;

    @ConcurrencyTest(schedules = 3, seed = "1")
    void neverExplored() {
        count++;
    }
}
