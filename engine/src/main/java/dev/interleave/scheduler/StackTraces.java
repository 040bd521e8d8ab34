package dev.interleave.scheduler;

import dev.interleave.instrumentation.CodeOrigin;

/** Formats a thread's stack for a report: the frames that say where it is, without the framework's own. */
final class StackTraces {

    private StackTraces() {
    }

    static String format(StackTraceElement[] frames, int limit) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : frames) {
            if (CodeOrigin.isHookFrame(frame.getClassName())) {
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
