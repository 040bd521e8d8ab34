package dev.interleave.report;

import java.util.ArrayList;
import java.util.List;

import dev.interleave.scheduler.ObjectNames;
import dev.interleave.scheduler.ThreadLabel;
import dev.interleave.scheduler.TraceEvent;

/**
 * The interleaving of a schedule as a table: one row per step, one column per thread, and where in the code each
 * step happened. A long schedule keeps its beginning and, above all, its end: the steps that led to the failure.
 */
public final class InterleavingTable {

    static final int HEAD = 12;
    static final int TAIL = 60;
    private static final int MAX_CELL = 48;
    /**
     * A cell that shows a value may be wider; the value is cut to fit (a long string), never the description, which
     * says what was accessed.
     */
    private static final int MAX_VALUE_CELL = 64;
    private static final int MIN_VALUE = 16;

    private InterleavingTable() {
    }

    public static String render(List<TraceEvent> trace, List<String> threadNames) {
        ObjectNames names = ObjectNames.of(trace);
        int threads = threadNames.size();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[threads + 2];
        header[0] = "step";
        for (int id = 0; id < threads; id++) {
            header[id + 1] = ThreadLabel.of(id, threadNames.get(id));
        }
        header[threads + 1] = "where";
        boolean trimmed = trace.size() > HEAD + TAIL + 1;
        int previousStep = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (trimmed && i == HEAD) {
                i = trace.size() - TAIL;
            }
            TraceEvent event = trace.get(i);
            if (event.step() > previousStep + 1) {
                String[] gap = new String[threads + 2];
                gap[0] = "...";
                gap[1] = (event.step() - previousStep - 1) + " steps not shown";
                rows.add(gap);
            }
            previousStep = event.step();
            String[] row = new String[threads + 2];
            row[0] = Integer.toString(event.step());
            row[event.thread() + 1] = cell(StepText.what(event, names), StepText.value(event, names));
            row[threads + 1] = StepText.where(event);
            rows.add(row);
        }
        return format(header, rows);
    }

    private static String cell(String what, String value) {
        if (value == null) {
            return clip(what, MAX_CELL);
        }
        String description = clip(what, MAX_CELL);
        return description + " " + clip(value, Math.max(MIN_VALUE, MAX_VALUE_CELL - 1 - description.length()));
    }

    private static String clip(String text) {
        return clip(text, MAX_CELL);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static String format(String[] header, List<String[]> rows) {
        int columns = header.length;
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.min(MAX_CELL, header[c].length());
        }
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                if (row[c] != null && !row[0].equals("...")) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
        }
        StringBuilder text = new StringBuilder();
        appendRow(text, header, widths, true);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns - 1; c++) {
            rule.append("-".repeat(widths[c])).append("  ");
        }
        text.append(rule.append("-----").toString().stripTrailing()).append('\n');
        for (String[] row : rows) {
            appendRow(text, row, widths, false);
        }
        return text.toString();
    }

    private static void appendRow(StringBuilder text, String[] row, int[] widths, boolean header) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            String cell = row[c] == null ? "" : row[c];
            if (header && cell.length() > widths[c]) {
                cell = clip(cell);
            }
            if (c == 0 && !header && !cell.equals("...")) {
                line.append(" ".repeat(Math.max(0, widths[c] - cell.length()))).append(cell);
            } else if (c < row.length - 1) {
                line.append(cell).append(" ".repeat(Math.max(0, widths[c] - cell.length())));
            } else {
                line.append(cell);
            }
            line.append("  ");
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
