package dev.interleave.report;

import dev.interleave.bridge.AccessKind;
import dev.interleave.bridge.Site;
import dev.interleave.bridge.Sites;
import dev.interleave.scheduler.ObjectNames;
import dev.interleave.scheduler.OpKind;
import dev.interleave.scheduler.TraceEvent;

/** What one step of a schedule did, in a few words, and where in the code. */
public final class StepText {

    private StepText() {
    }

    public static String what(TraceEvent event, ObjectNames names) {
        Site site = Sites.get(event.site());
        String target = event.target() == null ? "" : names.nameOf(event.target());
        String detail = event.detail();
        switch (event.kind()) {
            case BEGIN:
                return "starts";
            case END:
                return detail == null ? "ends" : "ends: " + detail;
            case ACCESS:
                if (event.access() == AccessKind.ARRAY_READ || event.access() == AccessKind.ARRAY_WRITE) {
                    return event.access().verb() + " " + target + "[" + event.index() + "]";
                }
                return site.description();
            case LOCK:
                return "lock " + target + (detail == null ? "" : " (" + detail + ")");
            case LOCK_TAKEN:
                return "lock " + target + " (synchronized method)";
            case UNLOCK:
                return "unlock " + target;
            case WAIT:
                return target + ".wait()" + (detail == null ? "" : " " + detail) + ", releases " + target;
            case WAKE:
                return "returns from " + target + ".wait(): " + detail;
            case NOTIFY:
                return site.description() + " " + target + ": " + detail;
            case JOIN:
                return "join: " + detail;
            case SLEEP:
                return "sleep";
            case YIELD:
                return site.description();
            case INTERRUPT:
                return "interrupt " + detail;
            case IS_ALIVE:
                return "isAlive(" + detail + ")";
            case START:
                return "start " + detail;
            case PARK:
                return "park" + (target.isEmpty() ? "" : " on " + target) + ": " + detail;
            case UNPARK:
                return "unpark " + detail;
            case IO:
                return site.description() + " " + target + (detail == null ? "" : ": " + detail);
            case CLASS_INIT:
                return detail;
            default:
                return event.kind().name().toLowerCase();
        }
    }

    /**
     * What the step read ({@code → 0}), wrote ({@code ← 1}) or returned ({@code → false}), or null when its schedule
     * did not capture it.
     */
    public static String value(TraceEvent event, ObjectNames names) {
        if (!event.hasValue()) {
            return null;
        }
        boolean wrote = event.kind() == OpKind.ACCESS && event.access() != null && event.access().isWrite();
        return (wrote ? "\u2190 " : "\u2192 ") + ValueText.of(event.value(), names);
    }

    public static String where(TraceEvent event) {
        switch (event.kind()) {
            case BEGIN:
            case END:
            case START:
            case PARK:
            case UNPARK:
                return "";
            default:
                return event.site() == Sites.UNKNOWN ? "" : Sites.get(event.site()).location();
        }
    }
}
