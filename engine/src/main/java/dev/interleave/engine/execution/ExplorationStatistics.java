package dev.interleave.engine.execution;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.interleave.scheduler.ScheduleOutcome;

/**
 * What an exploration did, for its report entries and console line: how many schedules ran, how many of them were
 * distinct interleavings (told apart by the fingerprint of their steps), how long they were, and how many the
 * strategy stopped as repeats of explored ones.
 */
public final class ExplorationStatistics {

    private int schedules;
    private int pruned;
    private long steps;
    private long longest;
    private final Set<Long> interleavings = new HashSet<>();
    private int daemonsStopped;
    private String firstDaemons;

    public void add(ScheduleOutcome outcome) {
        schedules++;
        steps += outcome.steps();
        longest = Math.max(longest, outcome.steps());
        if (!outcome.daemonsStopped().isEmpty()) {
            daemonsStopped++;
            if (firstDaemons == null) {
                firstDaemons = String.join(", ", outcome.daemonsStopped());
            }
        }
        if (outcome.pruned()) {
            pruned++;
        } else {
            interleavings.add(outcome.fingerprint());
        }
    }

    public int schedules() {
        return schedules;
    }

    public long steps() {
        return steps;
    }

    public int interleavings() {
        return interleavings.size();
    }

    public void putEntries(Map<String, String> entries) {
        entries.put("interleave.schedules", Integer.toString(schedules));
        entries.put("interleave.interleavings", Integer.toString(interleavings.size()));
        entries.put("interleave.stepsPerSchedule", Long.toString(schedules == 0 ? 0 : Math.round((double) steps
                / schedules)));
        entries.put("interleave.longestSchedule", Long.toString(longest));
        if (pruned > 0) {
            entries.put("interleave.pruned", Integer.toString(pruned));
        }
        if (daemonsStopped > 0) {
            entries.put("interleave.daemonsStopped", daemonsStopped());
        }
    }

    /** What happened to daemon threads that outlived the test method, or an empty string when none did. */
    String daemonsStopped() {
        if (daemonsStopped == 0) {
            return "";
        }
        if (firstDaemons.contains("never shut down")) {
            return String.format(Locale.ROOT, "in %d of %d %s the test method returned while only daemon threads and"
                    + " workers idle in a thread pool that was never shut down were left (the first time: %s); they"
                    + " were stopped, as the JVM stops them when JUnit's launcher ends it after the tests",
                    daemonsStopped, schedules, schedules == 1 ? "schedule" : "schedules", firstDaemons);
        }
        return String.format(Locale.ROOT, "in %d of %d %s the test method returned while only daemon threads ran "
                + "(the first time: %s); they were stopped, as a JVM stops daemon threads when it exits",
                daemonsStopped, schedules, schedules == 1 ? "schedule" : "schedules", firstDaemons);
    }

    /** {@code 1000 schedules (812 distinct interleavings, 41 steps each on average)}. */
    public String summary() {
        String runs = schedules + (schedules == 1 ? " schedule" : " schedules");
        if (schedules == 0) {
            return runs;
        }
        int distinct = interleavings.size();
        long average = Math.round((double) steps / schedules);
        return String.format(Locale.ROOT, "%s (%d distinct interleaving%s%s, %s)", runs, distinct,
                distinct == 1 ? "" : "s", pruned == 0 ? "" : ", " + pruned + " stopped as repeats",
                schedules == 1 ? average + (average == 1 ? " step" : " steps")
                        : average + (average == 1 ? " step" : " steps") + " each on average");
    }
}
