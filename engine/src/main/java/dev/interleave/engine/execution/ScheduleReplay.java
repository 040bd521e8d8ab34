package dev.interleave.engine.execution;

import java.nio.file.Path;
import java.util.List;

import dev.interleave.engine.statics.StaticState;
import dev.interleave.report.CommandLines;
import dev.interleave.report.StrategyName;
import dev.interleave.schedulefile.ScheduleFileException;
import dev.interleave.schedulefile.ScheduleFiles;
import dev.interleave.schedulefile.ScheduleRecord;
import dev.interleave.scheduler.ExpectedTrace;
import dev.interleave.scheduler.ScheduleLimits;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.strategy.GuidedStrategy;

/**
 * Replays one schedule file: its decisions drive the scheduler, and every step is checked against its trace.
 * What can go wrong with the file itself (unreadable, another test's) is an outcome too, so a caller can skip a bad
 * file and go on with the rest.
 */
public final class ScheduleReplay {

    /** How a replay ended. */
    public enum Verdict {
        /** It failed again. */
        FAILED,
        /** It followed the recorded path to its end, and did not fail. */
        PASSED,
        /** It left the recorded path: the code under test changed. */
        DIVERGED,
        /** The file could not be replayed: unreadable, or recorded for another test. */
        REFUSED
    }

    public final Path file;
    public final Verdict verdict;
    public final ScheduleRecord record;
    public final ScheduleOutcome outcome;
    /** For DIVERGED and REFUSED: one line that names the file and says what happened. */
    public final String problem;

    private ScheduleReplay(Path file, Verdict verdict, ScheduleRecord record, ScheduleOutcome outcome,
            String problem) {
        this.file = file;
        this.verdict = verdict;
        this.record = record;
        this.outcome = outcome;
        this.problem = problem;
    }

    public static ScheduleReplay of(Path file, ScheduleRecord.TestIdentity test, ScheduleRunner runner)
            throws InterruptedException {
        ScheduleRecord record;
        try {
            record = ScheduleFiles.read(file);
        } catch (ScheduleFileException unreadable) {
            return new ScheduleReplay(file, Verdict.REFUSED, null, null, unreadable.getMessage());
        }
        if (!record.test().equals(test)) {
            return new ScheduleReplay(file, Verdict.REFUSED, record, null, file + ": recorded for " + record.test()
                    + ", not for " + test + "; replay it with that test, or give this test a file of its own");
        }
        // a file of format version 1 does not say: this run's setting is the best guess
        boolean spuriousWakeups = record.spuriousWakeups() == null ? runner.spuriousWakeups()
                : record.spuriousWakeups();
        ScheduleOutcome outcome = runner.run(GuidedStrategy.replaying(record.decisions()),
                ScheduleLimits.withMaxSteps(record.maxSteps()), null,
                new ExpectedTrace(record.events(), record.trace()), spuriousWakeups, true);
        if (outcome.divergence() != null) {
            return new ScheduleReplay(file, Verdict.DIVERGED, record, outcome, file + ": the replay left the recorded"
                    + " schedule " + outcome.divergence() + ". " + cause(record, runner.statics())
                    + "; explore again with " + CommandLines.quote("-Dinterleave.seed=" + record.seed())
                    + " -Dinterleave.strategy=" + StrategyName.option(record.strategy()) + " to find it anew");
        }
        return new ScheduleReplay(file, outcome.failed() ? Verdict.FAILED : Verdict.PASSED, record, outcome, null);
    }

    /**
     * Why a replay may have left its recorded path. Static state that could not be put back between schedules, when
     * the file or this run knows of any, comes first: then nothing need have changed in the code.
     */
    private static String cause(ScheduleRecord record, StaticState statics) {
        String recorded = "(recorded with Interleave " + record.frameworkVersion() + " on JDK " + record.jdkVersion()
                + ")";
        String leaked = StaticState.noted(record.failure().headline());
        if (leaked.isEmpty() && !statics.leaked().isEmpty()) {
            leaked = String.join(", ", statics.leaked());
        }
        if (!leaked.isEmpty()) {
            return "Static state that the schedules before it changed and Interleave could not put back (" + leaked
                    + ") differs between the recording and this run, which is enough to change the path; or the"
                    + " code under test has changed since the schedule was recorded " + recorded;
        }
        List<String> unchecked = statics.unchecked();
        if (!unchecked.isEmpty()) {
            return "The code under test has changed since the schedule was recorded " + recorded + ", or static"
                    + " state Interleave cannot look into, and so could not put back between schedules, differs: "
                    + String.join(", ", unchecked);
        }
        return "The code under test has changed since the schedule was recorded " + recorded;
    }
}
