package dev.interleave.bridge;

/** What a shared access does. */
public enum AccessKind {
    READ("read"),
    WRITE("write"),
    ARRAY_READ("read"),
    ARRAY_WRITE("write");

    private final String verb;

    AccessKind(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }

    public boolean isWrite() {
        return this == WRITE || this == ARRAY_WRITE;
    }
}
