package dev.interleave.scheduler;

/** The kinds of step a managed thread takes, as the scheduler models and records them. */
public enum OpKind {
    BEGIN,
    END,
    ACCESS,
    LOCK,
    /** A {@code synchronized} method of a class loaded before the agent: the JVM took the lock itself. */
    LOCK_TAKEN,
    UNLOCK,
    WAIT,
    WAKE,
    NOTIFY,
    JOIN,
    SLEEP,
    YIELD,
    INTERRUPT,
    IS_ALIVE,
    START,
    PARK,
    UNPARK,
    /** A blocking socket, channel or selector call that waited (see {@code IoModel}). */
    IO,
    /** Takes or lets go a class's initialization lock, as the model of the JVM's class initialization has it. */
    CLASS_INIT
}
