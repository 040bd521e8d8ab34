package dev.interleave.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.interleave.bridge.AccessKind;
import dev.interleave.bridge.Sites;
import dev.interleave.schedulefile.ScheduleRecord.EventKey;

/**
 * What a schedule file needs of a schedule: every decision in order, and the fingerprint of its events (thread,
 * kind, code location) step by step. Events are kept as indices into a table of the distinct ones, so a loop of a
 * million steps costs an int per step, and a site's text is built once.
 */
public final class ScheduleRecording {

    private final IntLog decisions = new IntLog();
    private final IntLog trace = new IntLog();
    private final Map<Long, Integer> indices = new HashMap<>();
    private final List<Long> keys = new ArrayList<>();

    void decision(int choice) {
        decisions.add(choice);
    }

    /** Records one step and returns its index in the table of distinct events. */
    int event(int thread, OpKind kind, AccessKind access, int site) {
        long key = (long) site << 32 | (long) (thread & 0xffff) << 16 | kind.ordinal() << 8
                | (access == null ? 0xff : access.ordinal());
        Integer index = indices.get(key);
        if (index == null) {
            index = keys.size();
            indices.put(key, index);
            keys.add(key);
        }
        trace.add(index);
        return index;
    }

    /** How many steps were recorded. */
    public int steps() {
        return trace.size();
    }

    public int[] decisions() {
        return decisions.toArray();
    }

    public int[] trace() {
        return trace.toArray();
    }

    /** The table {@link #trace()} indexes into. */
    public List<EventKey> events() {
        List<EventKey> events = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            events.add(eventKey(i));
        }
        return events;
    }

    /** The distinct event with index {@code index}, in the form a file keeps: the same text on every JVM. */
    EventKey eventKey(int index) {
        long key = keys.get(index);
        int site = (int) (key >>> 32);
        int thread = (int) (key >>> 16) & 0xffff;
        OpKind kind = OpKind.values()[(int) (key >>> 8) & 0xff];
        int access = (int) key & 0xff;
        String kindName = access == 0xff ? kind.name() : kind.name() + "/" + AccessKind.values()[access].name();
        String where = site == Sites.UNKNOWN ? "" : Sites.get(site).toString();
        return new EventKey(thread, kindName, where);
    }
}
