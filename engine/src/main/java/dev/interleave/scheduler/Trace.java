package dev.interleave.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The steps of one schedule, as a report needs them: the first ones, which show how the threads started, and the
 * last ones, which led to the failure. A schedule of a million steps keeps a few thousand; each kept step knows its
 * number in the whole schedule. Kept in plain arrays: a step is added on a managed thread, where every call into
 * the JDK's collections passes a hook of the bridge.
 */
final class Trace {

    static final int HEAD = 200;
    static final int TAIL = 2_000;

    private final TraceEvent[] head = new TraceEvent[HEAD];
    /** The last steps after the head, as a ring: step {@code HEAD + n} (counting from 1) is at {@code n % TAIL}. */
    private TraceEvent[] tail;
    private int size;

    void add(TraceEvent event) {
        if (size < HEAD) {
            head[size++] = event;
            return;
        }
        if (tail == null) {
            tail = new TraceEvent[TAIL];
        }
        tail[(size - HEAD) % TAIL] = event;
        size++;
    }

    /** How many steps the schedule took, kept or not. */
    int size() {
        return size;
    }

    /** The kept steps, in order. */
    List<TraceEvent> kept() {
        int inHead = Math.min(size, HEAD);
        int inTail = Math.min(size - inHead, TAIL);
        List<TraceEvent> kept = new ArrayList<>(inHead + inTail);
        for (int i = 0; i < inHead; i++) {
            kept.add(head[i]);
        }
        for (int n = size - HEAD - inTail; n < size - HEAD; n++) {
            kept.add(tail[n % TAIL]);
        }
        return Collections.unmodifiableList(kept);
    }
}
