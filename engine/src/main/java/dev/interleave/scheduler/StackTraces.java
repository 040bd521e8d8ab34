package dev.interleave.scheduler;

/** Formats a thread's stack for a report: the frames that say where it is, without the framework's own. */
final class StackTraces {

    private StackTraces() {
    }

    static String format(StackTraceElement[] frames, int limit) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("dev.interleave.scheduler.")
                    || frame.getClassName().startsWith("dev.interleave.bridge.")) {
                continue;
            }
            if (shown++ == limit) {
                text.append("\n\t...");
                break;
            }
            text.append("\n\tat ").append(frame);
        }
        return text.toString();
    }
}
