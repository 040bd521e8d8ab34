package dev.interleave.report.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each blocked thread waits for and the cycle among them, read from the words of a deadlock or hang report: one
 * line per unfinished thread ({@code thread 1 (x) waits to lock ...}) and {@code cycle: thread 1 -> thread 3 ->
 * thread 1}. The text report's words are the one source, so the page says exactly what the console says.
 *
 * @param waits per thread id, what it waits for, or null for a thread that does not wait
 * @param cycle the threads of the cycle in order, the first not repeated at the end; empty when there is none
 */
public record Blocking(List<String> waits, List<Integer> cycle) {

    private static final Pattern THREAD_LINE = Pattern.compile("^thread (\\d+)\\b.*");
    private static final Pattern THREAD = Pattern.compile("thread (\\d+)");

    public static final Blocking NONE = new Blocking(List.of(), List.of());

    public Blocking {
        waits = java.util.Collections.unmodifiableList(new ArrayList<>(waits));
        cycle = List.copyOf(cycle);
    }

    /** What {@code thread} waits for, or null. */
    public String waitOf(int thread) {
        return thread < waits.size() ? waits.get(thread) : null;
    }

    /** Reads the report's {@code description} of {@code threads} threads; null gives {@link #NONE}. */
    public static Blocking parse(String description, int threads) {
        if (description == null) {
            return NONE;
        }
        String[] waits = new String[threads];
        List<Integer> cycle = new ArrayList<>();
        for (String raw : description.split("\n")) {
            String line = raw.trim();
            Matcher thread = THREAD_LINE.matcher(line);
            if (line.startsWith("cycle: ")) {
                Matcher member = THREAD.matcher(line);
                while (member.find()) {
                    cycle.add(Integer.parseInt(member.group(1)));
                }
                if (cycle.size() > 1 && cycle.get(0).equals(cycle.get(cycle.size() - 1))) {
                    cycle.remove(cycle.size() - 1);
                }
            } else if (thread.matches()) {
                int id = Integer.parseInt(thread.group(1));
                if (id < threads && !line.contains(" can run, last at ")) {
                    waits[id] = line;
                }
            }
        }
        cycle.removeIf(id -> id >= threads);
        return new Blocking(Arrays.asList(waits), cycle);
    }
}
