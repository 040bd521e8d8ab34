package dev.interleave.report.html;

/**
 * One step of a schedule as the page shows it: every field the page reads of a step comes through here, made from a
 * live trace event or from a schedule file's event.
 *
 * @param step    the step's number in its schedule, counting from 1
 * @param thread  the thread's deterministic id
 * @param kind    the scheduler's name for the operation ({@code ACCESS}, {@code LOCK}, ...)
 * @param what    what the step did, in the words of the text report
 * @param where   the code location, as a stack trace element; empty when there is none
 * @param touched the object, field or array element the step acted on, or null; two steps that touch the same one
 *                may conflict
 * @param write   whether the step wrote what it touched
 */
public record StepView(int step, int thread, String kind, String what, String where, String touched,
        boolean write) {

    /** Whether this step and {@code other}, of another thread, conflict: same target, and not both plain reads. */
    boolean conflictsWith(StepView other) {
        if (touched == null || other.thread == thread || !touched.equals(other.touched)) {
            return false;
        }
        boolean access = kind.equals("ACCESS") && other.kind.equals("ACCESS");
        return !access || write || other.write;
    }
}
