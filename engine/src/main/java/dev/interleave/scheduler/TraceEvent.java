package dev.interleave.scheduler;

import dev.interleave.bridge.AccessKind;

/**
 * One step of a schedule: which thread did what, where. {@code target} is the object acted on (null for a static
 * field or when there is none); {@code detail} adds what only the scheduler knows, such as which thread a notify
 * woke.
 */
public final class TraceEvent {

    private final int step;
    private final int thread;
    private final OpKind kind;
    private final AccessKind access;
    private final int site;
    private final Object target;
    private final int index;
    private final String detail;
    /** What the step read, wrote or returned, when it was captured ({@link StepValues}); else {@link #NO_VALUE}. */
    private Object value = NO_VALUE;

    /** The value of a step for which none was captured: distinct from {@code null}, which a field may hold. */
    private static final Object NO_VALUE = new Object();

    TraceEvent(int step, int thread, OpKind kind, AccessKind access, int site, Object target, int index,
            String detail) {
        this.step = step;
        this.thread = thread;
        this.kind = kind;
        this.access = access;
        this.site = site;
        this.target = target;
        this.index = index;
        this.detail = detail;
    }

    /** This step's number in its schedule, counting from 1. */
    public int step() {
        return step;
    }

    public int thread() {
        return thread;
    }

    public OpKind kind() {
        return kind;
    }

    /** For {@link OpKind#ACCESS}: read or write, of a field or an array element. */
    public AccessKind access() {
        return access;
    }

    public int site() {
        return site;
    }

    public Object target() {
        return target;
    }

    /** For array accesses, the element's index; otherwise -1. */
    public int index() {
        return index;
    }

    public String detail() {
        return detail;
    }

    /**
     * Whether this step carries a value: what a read saw, what a write stored, or what a call returned. Only the
     * schedules whose trace is shown capture values (see {@link StepValues}).
     */
    public boolean hasValue() {
        return value != NO_VALUE;
    }

    /**
     * The value this step read, wrote or returned, as the object itself: a boxed primitive, a string, an enum
     * constant, or any other object, which a report names ({@link ObjectNames}) and never asks for its
     * {@code toString()}. Meaningful only where {@link #hasValue()}.
     */
    public Object value() {
        return hasValue() ? value : null;
    }

    void value(Object value) {
        this.value = value;
    }
}
