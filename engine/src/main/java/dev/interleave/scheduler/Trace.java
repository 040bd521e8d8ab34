package dev.interleave.scheduler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The steps of one schedule, as a report needs them: the first ones, which show how the threads started, and the
 * last ones, which led to the failure. A schedule of a million steps keeps a few thousand; each kept step knows its
 * number in the whole schedule.
 */
final class Trace {

    static final int HEAD = 200;
    static final int TAIL = 2_000;

    private final List<TraceEvent> head = new ArrayList<>();
    private final ArrayDeque<TraceEvent> tail = new ArrayDeque<>();
    private int size;

    void add(TraceEvent event) {
        size++;
        if (head.size() < HEAD) {
            head.add(event);
            return;
        }
        tail.addLast(event);
        if (tail.size() > TAIL) {
            tail.removeFirst();
        }
    }

    /** How many steps the schedule took, kept or not. */
    int size() {
        return size;
    }

    /** The kept steps, in order. */
    List<TraceEvent> kept() {
        List<TraceEvent> kept = new ArrayList<>(head.size() + tail.size());
        kept.addAll(head);
        kept.addAll(tail);
        return Collections.unmodifiableList(kept);
    }
}
