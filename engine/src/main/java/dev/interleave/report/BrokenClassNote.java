package dev.interleave.report;

/**
 * What a report adds when a thread failed with {@code NoClassDefFoundError: Could not initialize class X}: the class's
 * static initializer failed before, in this JVM, and the JVM never runs it again, so the error says nothing of this
 * schedule. The note names the class, the initializer's own failure where the JVM kept it, and what to do.
 */
final class BrokenClassNote {

    private static final String PREFIX = "Could not initialize class ";

    private BrokenClassNote() {
    }

    /** The note for {@code thrown}, or "" when no error in its chain is such a {@code NoClassDefFoundError}. */
    static String of(Throwable thrown) {
        for (Throwable at = thrown; at != null; at = at.getCause()) {
            String message = at.getMessage();
            if (at instanceof NoClassDefFoundError && message != null && message.startsWith(PREFIX)) {
                return note(message.substring(PREFIX.length()), at.getCause());
            }
            if (at.getCause() == at) {
                break;
            }
        }
        return "";
    }

    private static String note(String className, Throwable earlier) {
        StringBuilder text = new StringBuilder("\nClass ").append(className)
                .append(" is unusable: its static initializer failed earlier in this JVM (in an earlier schedule or")
                .append(" test), and a JVM never runs it again.");
        String first = earlier == null ? null : earlier.getMessage();
        if (first != null) {
            text.append("\n  Its first failure: ").append(first);
            if (first.contains("dev.interleave.scheduler.ScheduleAbortedError")) {
                text.append("\n  It was broken by Interleave, which abandoned a schedule while the initializer ran:")
                        .append(" a bug of Interleave's; please report it with this message.");
            }
        }
        return text.append("\n  Run this test alone, in a fresh JVM, to see the initializer's own error.").toString();
    }
}
