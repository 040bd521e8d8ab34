package dev.interleave.strategy;

/**
 * A replayed schedule asked a question its recording cannot answer: the code under test no longer runs the way it
 * did when the schedule was recorded. The scheduler catches it and reports the divergence.
 */
public final class LeftRecordedPath extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeftRecordedPath(String message) {
        super(message, null, false, false);
    }
}
