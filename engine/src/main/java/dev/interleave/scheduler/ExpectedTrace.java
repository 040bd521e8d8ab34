package dev.interleave.scheduler;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.interleave.schedulefile.ScheduleRecord.EventKey;

/**
 * The events a replayed schedule must see, step by step, as a schedule file recorded them. A replay checks every
 * step against it, so that a run of changed code that leaves the recorded path says where, instead of silently
 * testing another schedule.
 */
public final class ExpectedTrace {

    private final List<EventKey> events;
    private final int[] trace;
    private final Map<EventKey, Integer> indexOf = new HashMap<>();
    /** For each entry of the file's table, the first entry with the same text: distinct sites can read the same. */
    private final int[] canonical;
    /** The canonical index of each step key seen so far: a key's text is built once, not at every step. */
    private final Map<Long, Integer> canonicalOfKey = new HashMap<>();

    public ExpectedTrace(List<EventKey> events, int[] trace) {
        this.events = events;
        this.trace = trace;
        this.canonical = new int[events.size()];
        for (int i = 0; i < events.size(); i++) {
            Integer first = indexOf.putIfAbsent(events.get(i), i);
            canonical[i] = first == null ? i : first;
        }
    }

    /** How many steps the recorded schedule took. */
    public int steps() {
        return trace.length;
    }

    /**
     * Checks step {@code step} (counting from 1), whose event has key {@code key} (see
     * {@link ScheduleRecording#event}); returns null when it is the recorded one, else what differs.
     */
    String check(int step, long key) {
        if (step > trace.length) {
            return "at step " + step + ": the recorded schedule had ended (it took " + trace.length + " steps), but "
                    + describe(ScheduleRecording.eventKey(key)) + " happened";
        }
        int expected = trace[step - 1];
        if (canonicalOf(key) == canonical[expected]) {
            return null;
        }
        return "at step " + step + ": the recorded schedule has " + describe(events.get(expected)) + ", but "
                + describe(ScheduleRecording.eventKey(key)) + " happened";
    }

    /** What the recorded schedule had at {@code step}, for a run that ended before it. */
    String missing(int step) {
        return "at step " + step + ": the run had ended, but the recorded schedule goes on to step " + trace.length
                + " with " + describe(events.get(trace[step - 1]));
    }

    /** The file's canonical index of the event with {@code key}, or -1 when the file has no such event. */
    private int canonicalOf(long key) {
        return canonicalOfKey.computeIfAbsent(key,
                unseen -> indexOf.getOrDefault(ScheduleRecording.eventKey(unseen), -1));
    }

    /** {@code thread 1: read Counter.value at Counter.increment(Counter.java:12)}, or the kind where no site is. */
    static String describe(EventKey event) {
        String who = "thread " + event.thread() + ": ";
        if (event.kind().startsWith(OpKind.ACCESS.name()) && !event.site().isEmpty()) {
            return who + event.site();
        }
        String kind = event.kind().toLowerCase(Locale.ROOT).replace('_', ' ');
        return who + kind + (event.site().isEmpty() ? "" : " (" + event.site() + ")");
    }
}
