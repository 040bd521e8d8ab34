package dev.interleave;

import java.nio.file.Path;
import java.util.Optional;

import org.apiguardian.api.API;

/**
 * How a {@link ConcurrencyTest} fails when a schedule goes wrong. The message carries the whole report: what
 * failed, the strategy and seed, the schedule number, how to replay it, and the interleaving that led there. The
 * cause, if any, is the exception the test's code threw.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ConcurrencyFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** What kind of failure a schedule ran into. */
    public enum Kind {
        /** An exception or assertion error escaped one of the test's threads. */
        EXCEPTION,
        /** No thread could run, but some had not finished. */
        DEADLOCK,
        /** The schedule ran past its step bound: a livelock, or a thread that never stops. */
        HANG,
        /** A thread blocked somewhere the scheduler does not manage; the message names the place. */
        UNMANAGED_BLOCKING,
        /** The test started a thread the scheduler cannot manage (a virtual thread); the message says what to use. */
        UNMANAGED_THREAD
    }

    private final Kind kind;
    private final String seed;
    private final int schedule;
    private final transient Path scheduleFile;

    public ConcurrencyFailure(Kind kind, String seed, int schedule, String message, Throwable cause) {
        this(kind, seed, schedule, null, message, cause);
    }

    public ConcurrencyFailure(Kind kind, String seed, int schedule, Path scheduleFile, String message,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.seed = seed;
        this.schedule = schedule;
        this.scheduleFile = scheduleFile;
    }

    public Kind kind() {
        return kind;
    }

    /** The seed of the exploration that found this failure. */
    public String seed() {
        return seed;
    }

    /** The number of the failing schedule, counting from 1. */
    public int schedule() {
        return schedule;
    }

    /**
     * The schedule file that replays this failure exactly: the one it was saved to, or the one it was replayed
     * from; empty when none could be written.
     */
    public Optional<Path> scheduleFile() {
        return Optional.ofNullable(scheduleFile);
    }
}
