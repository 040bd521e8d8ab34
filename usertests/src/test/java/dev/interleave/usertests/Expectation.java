package dev.interleave.usertests;

import java.util.List;

/**
 * What one test of the user's project must do in every run.
 *
 * @param test the test as {@code SimpleClassName.method}, the way the engine's console line names it
 * @param kind whether it finds a bug, or passes
 * @param failure for {@link Kind#FINDS_BUG}, text the failure's headline contains: {@code Deadlock}, or the name of
 *     the exception a thread threw
 * @param mentions for {@link Kind#FINDS_BUG}, more text the failure must contain: what the report must name
 */
record Expectation(String test, Kind kind, String failure, List<String> mentions) {

    enum Kind {
        /** A {@code @ConcurrencyTest} of a buggy program: it fails, reporting the bug. */
        FINDS_BUG,
        /** A {@code @ConcurrencyTest} of a correct program: it passes after exploring all its schedules. */
        PASSES_EXPLORATION,
        /** A plain Jupiter {@code @Test}: it passes. */
        PASSES
    }

    static Expectation findsBug(String test, String failure, String... mentions) {
        return new Expectation(test, Kind.FINDS_BUG, failure, List.of(mentions));
    }

    static Expectation passesExploration(String test) {
        return new Expectation(test, Kind.PASSES_EXPLORATION, "", List.of());
    }

    static Expectation passes(String test) {
        return new Expectation(test, Kind.PASSES, "", List.of());
    }

    @Override
    public String toString() {
        return test + switch (kind) {
            case FINDS_BUG -> " finds its bug (" + failure + ")";
            case PASSES_EXPLORATION -> " passes every schedule";
            case PASSES -> " passes";
        };
    }
}
