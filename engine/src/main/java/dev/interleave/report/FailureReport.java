package dev.interleave.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.scheduler.ScheduleFailure;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.scheduler.ThreadLabel;

/**
 * Turns a failed schedule into the failure a user reads: what failed, the strategy and seed, the schedule file and
 * the command lines that run it again, and the interleaving that led there.
 */
public final class FailureReport {

    private final String testName;
    private final String replayTarget;
    private final String strategy;
    private final String seed;
    private final int schedule;
    private final int schedules;
    private Path savedTo;
    private String notSaved;
    private Path replayedFrom;
    private Path page;
    private String shrinking;
    private List<String> leakedStatics = List.of();
    private String qualifiedTarget;
    private CommandLines commandLines = CommandLines.forThisJvm();
    private Map<String, String> selecting = Map.of();

    /**
     * @param testName     how the test is named in the headline, {@code CounterTest.lostUpdate()}
     * @param replayTarget the test as Surefire's {@code -Dtest} names it, {@code CounterTest#lostUpdate}
     * @param strategy     the strategy as recorded (see {@link StrategyName#recorded})
     */
    public FailureReport(String testName, String replayTarget, String strategy, String seed, int schedule,
            int schedules) {
        this.testName = testName;
        this.replayTarget = replayTarget;
        this.qualifiedTarget = replayTarget;
        this.strategy = strategy;
        this.seed = seed;
        this.schedule = schedule;
        this.schedules = schedules;
    }

    /**
     * The test as a method selector names it, {@code com.example.CounterTest#lostUpdate}, for the launchers that
     * select tests by their qualified names.
     */
    public FailureReport qualifiedAs(String target) {
        this.qualifiedTarget = target;
        return this;
    }

    /**
     * Configuration parameters every printed command line passes first, those that select the test: a hunted test
     * runs only with {@code interleave.hunt=true} and its {@code interleave.hunt.include}.
     */
    public FailureReport selectedBy(Map<String, String> parameters) {
        this.selecting = new LinkedHashMap<>(parameters);
        return this;
    }

    /** Prints the command lines with {@code lines} rather than with those of this JVM's launcher. */
    public FailureReport printingCommands(CommandLines lines) {
        this.commandLines = lines;
        return this;
    }

    /** The failing schedule was saved to {@code file}. */
    public FailureReport savedTo(Path file) {
        this.savedTo = file;
        return this;
    }

    /** The failing schedule could not be saved, for {@code reason}. */
    public FailureReport notSaved(String reason) {
        this.notSaved = reason;
        return this;
    }

    /** The failing schedule was shrunk; {@code summary} says from how many preemptions to how many. */
    public FailureReport shrunk(String summary) {
        this.shrinking = summary;
        return this;
    }

    /** The failing schedule could not be shrunk, for {@code reason}. */
    public FailureReport notShrunk(String reason) {
        this.shrinking = "The schedule was not shrunk: " + reason + ".";
        return this;
    }

    /**
     * Static fields whose state earlier schedules changed and that could not be put back before this one (a static
     * final latch that was counted down): the failure may depend on them, and a replay alone may not fail.
     */
    public FailureReport staticStateLeaked(List<String> fields) {
        this.leakedStatics = List.copyOf(fields);
        return this;
    }

    /** The failure is drawn as a timeline on the HTML page {@code page}. */
    public FailureReport drawnIn(Path page) {
        this.page = page;
        return this;
    }

    /** The failure came from replaying {@code file}, not from exploring. */
    public FailureReport replayedFrom(Path file) {
        this.replayedFrom = file;
        return this;
    }

    public ConcurrencyFailure toFailure(ScheduleOutcome outcome) {
        ScheduleFailure failure = outcome.failure();
        StringBuilder text = new StringBuilder(headline(failure, outcome.threadNames()));
        if (failure.kind() == ConcurrencyFailure.Kind.EXCEPTION) {
            text.append(BrokenClassNote.of(failure.cause()));
        }
        text.append("\n\n").append(testName);
        if (replayedFrom != null) {
            text.append(" failed when replaying ").append(replayedFrom).append(",\n  recorded in schedule ")
                    .append(schedule).append(" of an exploration (strategy ").append(StrategyName.described(strategy))
                    .append(", seed ")
                    .append(seed).append(").");
        } else {
            text.append(" failed in schedule ").append(schedule).append(" of at most ").append(schedules)
                    .append(" (strategy ").append(StrategyName.described(strategy)).append(", seed ").append(seed)
                    .append(").");
        }
        Path file = scheduleFile();
        if (shrinking != null) {
            text.append("\n").append(shrinking);
        }
        if (!leakedStatics.isEmpty()) {
            text.append("\nStatic state that earlier schedules changed and that was not put back before this one: ")
                    .append(String.join(", ", leakedStatics))
                    .append(".\n  The failure may come from it rather than from this interleaving; run alone, the")
                    .append(" schedule starts without it.");
        }
        if (savedTo != null) {
            text.append("\nSchedule saved: ").append(savedTo);
        } else if (notSaved != null) {
            text.append("\nThe schedule was not saved: ").append(notSaved);
        }
        if (page != null) {
            text.append("\nSee it drawn: ").append(page.toUri());
        }
        if (file != null) {
            text.append("\nReplay it exactly: ").append(replayCommand());
        }
        text.append("\nRun it again: ").append(seedCommand())
                .append("\n  (the same seed explores the same schedules in the same order; this is number ")
                .append(schedule).append(")")
                .append("\n\nInterleaving, ").append(outcome.traceSize())
                .append(outcome.traceSize() == 1 ? " step" : " steps")
                .append(" (thread 0 runs the test method):\n")
                .append(InterleavingTable.render(outcome.trace(), outcome.threadNames()));
        if (!outcome.leakedThreads().isEmpty()) {
            text.append("\nThreads that could not be stopped afterwards:");
            outcome.leakedThreads().forEach(thread -> text.append("\n  ").append(thread));
        }
        return new ConcurrencyFailure(failure.kind(), seed, schedule, file, text.toString(), failure.cause());
    }

    /** The test as the headline names it, {@code CounterTest.lostUpdate()}. */
    public String testName() {
        return testName;
    }

    public String strategy() {
        return strategy;
    }

    public String seed() {
        return seed;
    }

    public int schedule() {
        return schedule;
    }

    /** The file the failing schedule is in: the one replayed, or the one it was saved to; null when neither. */
    public Path scheduleFile() {
        return replayedFrom != null ? replayedFrom : savedTo;
    }

    /** The command line that replays the schedule file exactly, or null when there is no file. */
    public String replayCommand() {
        Path file = scheduleFile();
        if (file == null) {
            return null;
        }
        Map<String, String> replay = new LinkedHashMap<>(selecting);
        replay.put("interleave.replay", file.toString());
        return commandLines.run(replayTarget, qualifiedTarget, replay);
    }

    /** The command line that explores again with the same seed and strategy. */
    public String seedCommand() {
        Map<String, String> again = new LinkedHashMap<>(selecting);
        again.put("interleave.seed", seed);
        again.put("interleave.strategy", StrategyName.option(strategy));
        return commandLines.run(replayTarget, qualifiedTarget, again);
    }

    /** The failure's first line, as a schedule file keeps it. */
    public static String headline(ScheduleOutcome outcome) {
        return headline(outcome.failure(), outcome.threadNames());
    }

    private static String headline(ScheduleFailure failure, List<String> threadNames) {
        switch (failure.kind()) {
            case EXCEPTION:
                return ThreadLabel.of(failure.thread(), threadNames.get(failure.thread())) + " threw "
                        + failure.cause() + (failure.description() == null ? "" : ", " + failure.description());
            case DEADLOCK:
                return "Deadlock: " + failure.description();
            case HANG:
                return "Hang: " + failure.description();
            case UNMANAGED_THREAD:
                return "A thread the scheduler cannot manage: " + failure.description();
            default:
                return "A thread blocked outside the scheduler: " + failure.description()
                        + "\nInterleave models monitors, wait/notify, join and sleep; this blocking is not one of"
                        + " them, so the test cannot be explored as written.";
        }
    }
}
