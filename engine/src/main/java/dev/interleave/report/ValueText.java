package dev.interleave.report;

import java.util.ArrayList;
import java.util.List;

import dev.interleave.schedulefile.ScheduleRecord;
import dev.interleave.scheduler.ObjectNames;
import dev.interleave.scheduler.TraceEvent;

/**
 * A value a step read, wrote or returned, as a report prints it: the same text on every run and every JVM. Primitives
 * as Java writes them, strings quoted with their control characters escaped and cut after {@link #MAX_STRING_CHARS},
 * enum constants by name, and every other object by its name in the schedule ({@code Node#2}), never by its
 * {@code toString()}, which may take locks, change state or print an identity hash.
 */
public final class ValueText {

    /** How much of a string a value shows; the rest is cut, and the cut is marked. */
    public static final int MAX_STRING_CHARS = 40;

    private ValueText() {
    }

    /**
     * The values the kept steps of {@code trace} carry, as a schedule file keeps them: printed as the report prints
     * them, with the trace's own numbering of objects, so that a page made from the file shows the same.
     */
    public static ScheduleRecord.StepValues ofTrace(List<TraceEvent> trace) {
        ObjectNames names = ObjectNames.of(trace);
        List<Integer> steps = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (TraceEvent event : trace) {
            if (event.hasValue()) {
                steps.add(event.step());
                texts.add(of(event.value(), names));
            }
        }
        return new ScheduleRecord.StepValues(steps.stream().mapToInt(Integer::intValue).toArray(), texts);
    }

    public static String of(Object value, ObjectNames names) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return quoted((String) value);
        }
        if (value instanceof Character) {
            return "'" + escaped(value.toString(), '\'') + "'";
        }
        if (value instanceof Enum) {
            Enum<?> constant = (Enum<?>) value;
            return constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        }
        if (!ObjectNames.isNamed(value) && !(value instanceof Class)) {
            return value.toString(); // a boxed primitive or Boolean
        }
        return names.nameOf(value);
    }

    private static String quoted(String text) {
        int end = Math.min(text.length(), MAX_STRING_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never show half of a surrogate pair
        }
        String shown = "\"" + escaped(text.substring(0, end), '"') + "\"";
        return end < text.length() ? shown + "... (" + text.length() + " chars)" : shown;
    }

    private static String escaped(String text, char quote) {
        StringBuilder escaped = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n':
                    escaped.append("\\n");
                    break;
                case '\r':
                    escaped.append("\\r");
                    break;
                case '\t':
                    escaped.append("\\t");
                    break;
                case '\\':
                    escaped.append("\\\\");
                    break;
                default:
                    if (c == quote) {
                        escaped.append('\\').append(c);
                    } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        escaped.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
            }
        }
        return escaped.toString();
    }
}
