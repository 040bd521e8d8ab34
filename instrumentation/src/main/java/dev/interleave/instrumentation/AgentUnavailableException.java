package dev.interleave.instrumentation;

/** The agent could not be installed in this JVM; the message says why and how to start the JVM instead. */
public final class AgentUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AgentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
