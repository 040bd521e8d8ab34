package dev.interleave.schedulefile;

import java.nio.file.Path;

/**
 * A schedule file that cannot be read. The message is one line: the file, what is wrong with it, and what to do, so
 * that it can be shown to a user as it is.
 */
public final class ScheduleFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    ScheduleFileException(Path file, String problem) {
        this(file, problem, null);
    }

    ScheduleFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + oneLine(problem), cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    // A cause's own message (an IOException's, say) may span lines; the contract is one line.
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
