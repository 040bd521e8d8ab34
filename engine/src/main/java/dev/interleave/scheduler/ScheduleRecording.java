package dev.interleave.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.interleave.bridge.AccessKind;
import dev.interleave.bridge.Sites;
import dev.interleave.schedulefile.ScheduleRecord.EventKey;

/**
 * What a schedule file needs of a schedule: every decision in order, and the fingerprint of its events (thread,
 * kind, code location) step by step. A step costs one long appended to an array; the table of distinct events that
 * a file keeps, and the text of each, are built only when a failing schedule is saved.
 */
public final class ScheduleRecording {

    private final IntLog decisions = new IntLog();
    private long[] steps = new long[256];
    private int size;

    void decision(int choice) {
        decisions.add(choice);
    }

    /** Records one step; returns its key, which {@link #eventKey(long)} turns into text. */
    long event(int thread, OpKind kind, AccessKind access, int site) {
        long key = (long) site << 32 | (long) (thread & 0xffff) << 16 | kind.ordinal() << 8
                | (access == null ? 0xff : access.ordinal());
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
        }
        steps[size++] = key;
        return key;
    }

    /** How many steps were recorded. */
    public int steps() {
        return size;
    }

    public int[] decisions() {
        return decisions.toArray();
    }

    /** The table of distinct events and the trace as indices into it, in the form a schedule file keeps them. */
    public Fingerprint fingerprint() {
        Map<Long, Integer> indices = new HashMap<>();
        List<EventKey> events = new ArrayList<>();
        int[] trace = new int[size];
        for (int i = 0; i < size; i++) {
            trace[i] = indices.computeIfAbsent(steps[i], key -> {
                events.add(eventKey(key));
                return events.size() - 1;
            });
        }
        return new Fingerprint(events, trace);
    }

    /** A step's key as text, the same on every JVM: the site's registry number does not appear in it. */
    static EventKey eventKey(long key) {
        int site = (int) (key >>> 32);
        int thread = (int) (key >>> 16) & 0xffff;
        OpKind kind = OpKind.values()[(int) (key >>> 8) & 0xff];
        int access = (int) key & 0xff;
        String kindName = access == 0xff ? kind.name() : kind.name() + "/" + AccessKind.values()[access].name();
        String where = site == Sites.UNKNOWN ? "" : Sites.get(site).toString();
        return new EventKey(thread, kindName, where);
    }

    /** The events of a schedule as a file keeps them: the distinct ones, and each step's index among them. */
    public static final class Fingerprint {
        private final List<EventKey> events;
        private final int[] trace;

        Fingerprint(List<EventKey> events, int[] trace) {
            this.events = events;
            this.trace = trace;
        }

        public List<EventKey> events() {
            return events;
        }

        public int[] trace() {
            return trace;
        }
    }
}
