package dev.interleave.report.html;

import java.util.ArrayList;
import java.util.List;

import dev.interleave.bridge.AccessKind;
import dev.interleave.bridge.Sites;
import dev.interleave.report.StepText;
import dev.interleave.scheduler.ObjectNames;
import dev.interleave.scheduler.OpKind;
import dev.interleave.scheduler.TraceEvent;

/** The steps of a live schedule as the page shows them, in the words of the text report. */
public final class StepViews {

    private StepViews() {
    }

    public static List<StepView> of(List<TraceEvent> trace) {
        ObjectNames names = ObjectNames.of(trace);
        List<StepView> views = new ArrayList<>(trace.size());
        for (TraceEvent event : trace) {
            views.add(of(event, names));
        }
        return views;
    }

    static StepView of(TraceEvent event, ObjectNames names) {
        boolean write = event.kind() == OpKind.ACCESS && event.access() != null && event.access().isWrite();
        // the value read, written or returned reads as part of what the step did, as in the text table
        String value = StepText.value(event, names);
        String what = StepText.what(event, names);
        return new StepView(event.step(), event.thread(), event.kind().name(),
                value == null ? what : what + " " + value, StepText.where(event), touched(event, names), write);
    }

    /** {@code Counter#1.count}, {@code int[]#1[3]}, {@code Counter.total} for a static field, a lock's name. */
    private static String touched(TraceEvent event, ObjectNames names) {
        String target = event.target() == null ? null : names.nameOf(event.target());
        if (event.kind() != OpKind.ACCESS) {
            return switch (event.kind()) {
                case LOCK, LOCK_TAKEN, UNLOCK, WAIT, WAKE, NOTIFY, PARK, IO -> target;
                default -> null;
            };
        }
        if (event.access() == AccessKind.ARRAY_READ || event.access() == AccessKind.ARRAY_WRITE) {
            return target + "[" + event.index() + "]";
        }
        return field(Sites.get(event.site()).description(), target);
    }

    /**
     * The field a site's description ({@code read Counter.count}) names, on {@code target} when there is one: the
     * description alone, without its verb, for a static field.
     */
    static String field(String description, String target) {
        int space = description.indexOf(' ');
        String field = space < 0 ? description : description.substring(space + 1);
        if (target == null) {
            return field;
        }
        int dot = field.lastIndexOf('.');
        return target + "." + (dot < 0 ? field : field.substring(dot + 1));
    }
}
