package dev.interleave.engine.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.Strategy;
import dev.interleave.engine.FrameworkVersion;
import dev.interleave.engine.execution.AgentStatus;
import dev.interleave.engine.execution.ExplorationStatistics;
import dev.interleave.engine.execution.PastFailures;
import dev.interleave.engine.execution.ReplayFiles;
import dev.interleave.engine.execution.ScheduleReplay;
import dev.interleave.engine.execution.ScheduleRunner;
import dev.interleave.engine.execution.Settings;
import dev.interleave.engine.execution.Shrinker;
import dev.interleave.engine.execution.UnexploredClasses;
import dev.interleave.report.FailureReport;
import dev.interleave.report.StrategyName;
import dev.interleave.report.ValueText;
import dev.interleave.schedulefile.ScheduleDirectory;
import dev.interleave.schedulefile.ScheduleFiles;
import dev.interleave.schedulefile.ScheduleRecord;
import dev.interleave.scheduler.ExpectedTrace;
import dev.interleave.scheduler.ScheduleLimits;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.scheduler.ScheduleRecording;
import dev.interleave.strategy.Explorer;
import dev.interleave.strategy.Explorers;
import dev.interleave.strategy.GuidedStrategy;
import dev.interleave.strategy.SchedulingStrategy;
import dev.interleave.strategy.Seeds;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * Hunts one test (or one invocation): replays the schedules that failed it before, then explores rounds of
 * schedules, each round seeded apart, until its time is up or a schedule fails. Round {@code k} belongs to shard
 * {@code k mod n + 1} of {@code n}, so shards share out the work without overlap and without talking to each other.
 * Each schedule runs Jupiter itself for the test, inside the scheduler's test thread.
 */
final class TestHunt {

    /** Schedules per round: the unit of work that shards share out. */
    static final int ROUND = 100;

    /** The attributes of a bare {@code @ConcurrencyTest}: a hunt's defaults, which {@code interleave.*} override. */
    @ConcurrencyTest
    private static void defaults() {
    }

    private final Hunt hunt;
    private final ConfigurationParameters configuration;
    private final ScheduleRecord.TestIdentity identity;
    private final UniqueId jupiterId;
    private final String className;
    private final long deadline;
    private final Settings settings;
    private final String baseSeed;
    final ExplorationStatistics statistics = new ExplorationStatistics();
    final List<Path> files = new ArrayList<>();

    TestHunt(Hunt hunt, ConfigurationParameters configuration, ScheduleRecord.TestIdentity identity,
            UniqueId jupiterId, long deadline) {
        this.hunt = hunt;
        this.configuration = configuration;
        this.identity = identity;
        this.jupiterId = jupiterId;
        this.className = identity.className();
        this.deadline = deadline;
        this.settings = Settings.resolve(annotation(), configuration);
        this.baseSeed = configuration.get(Settings.SEED).map(String::trim).filter(seed -> !seed.isEmpty())
                .orElse(hunt.defaultSeed());
    }

    private static ConcurrencyTest annotation() {
        try {
            return TestHunt.class.getDeclaredMethod("defaults").getAnnotation(ConcurrencyTest.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed of round {@code round}: the base seed itself for the first, so that a seed runs again as given. */
    static String roundSeed(String base, int round) {
        return round == 0 ? base : base + "-r" + round;
    }

    /** Hunts; returns the verdict, or throws the failure a finding is reported with. */
    Verdict run() throws Exception {
        Class<?> testClass = ReflectionSupport.tryToLoadClass(className).getOrThrow(
                cause -> new JUnitException("cannot load " + className, cause));
        try {
            UnexploredClasses.check(AgentStatus.requireInstrumented(testClass), testClass);
        } catch (JUnitException cannot) {
            return Verdict.notHuntable(cannot.getMessage());
        }
        TreeForSchedules tree = hunt.jupiter.forSchedules(jupiterId);
        ScheduleRunner.Bodies bodies = () -> {
            TestDescriptor root = tree.next();
            JupiterRun run = new JupiterRun(jupiterId);
            return () -> {
                hunt.jupiter.executeInSchedule(tree, root, run);
                if (run.failure() != null) {
                    throw TestHunt.<RuntimeException>sneaky(run.failure());
                }
            };
        };
        try (ScheduleRunner runner = new ScheduleRunner(bodies, AgentStatus.staticStateOf(testClass, true),
                Settings.spuriousWakeups(configuration), settings.watchdogMillis)) {
            if (!settings.replay.isEmpty()) {
                return replay(runner);
            }
            if (settings.rerunFailures) {
                rerunPastFindings(runner);
            }
            return explore(runner);
        }
    }

    private Verdict replay(ScheduleRunner runner) throws InterruptedException {
        List<Path> replays;
        try {
            replays = ReplayFiles.resolve(settings.replay, identity);
        } catch (JUnitException none) {
            return Verdict.notRun("interleave.replay has no schedule of this test: " + none.getMessage());
        }
        for (Path file : replays) {
            ScheduleReplay replay = ScheduleReplay.of(file, identity, runner);
            addSteps(replay);
            switch (replay.verdict) {
                case FAILED:
                    files.add(file);
                    throw replayFailure(replay);
                case PASSED:
                    hunt.say(identity, "replayed %s: it no longer fails (it failed with %s when recorded)", file,
                            replay.record.failure().kind());
                    break;
                case REFUSED:
                    if (replay.record != null && !replay.record.test().equals(identity)) {
                        return Verdict.notRun("interleave.replay names a schedule of " + replay.record.test());
                    }
                    throw new JUnitException(replay.problem);
                default:
                    throw new JUnitException(replay.problem);
            }
        }
        return Verdict.of("passed", "replayed " + replays.size() + " schedule file(s); none failed");
    }

    /** The regression memory: what failed this test in an earlier hunt is tried first, before anything new. */
    private void rerunPastFindings(ScheduleRunner runner) throws InterruptedException {
        PastFailures.rerun(runner, settings.failuresDir, identity, new PastFailures.Replays() {
            @Override
            public void replayed(ScheduleReplay replay) {
                addSteps(replay);
            }

            @Override
            public ConcurrencyFailure failedAgain(ScheduleReplay replay, long started) {
                files.add(replay.file);
                return replayFailure(replay);
            }
        }, line -> hunt.say(identity, "%s", line));
    }

    private void addSteps(ScheduleReplay replay) {
        if (replay.outcome != null) {
            statistics.add(replay.outcome);
        }
    }

    private Verdict explore(ScheduleRunner runner) throws InterruptedException {
        ScheduleLimits limits = ScheduleLimits.withMaxSteps(settings.maxSteps).withDeadline(deadline);
        HuntSettings shards = hunt.settings;
        for (int round = shards.shard - 1; System.nanoTime() < deadline; round += shards.shards) {
            String seed = roundSeed(baseSeed, round);
            Explorer explorer = Explorers.of(settings.strategy, Seeds.parse(seed), settings.pctDepth,
                    settings.maxPreemptions, settings.reduction);
            for (int schedule = 1; schedule <= ROUND; schedule++) {
                SchedulingStrategy strategy = explorer.next(schedule);
                if (strategy == null) {
                    break;
                }
                ScheduleOutcome outcome = runner.run(strategy, limits, new ScheduleRecording(), null);
                if (outcome.timedOut()) {
                    return passed();
                }
                explorer.finished(outcome.steps());
                statistics.add(outcome);
                String unmanaged = unmanaged(outcome);
                if (unmanaged != null) {
                    return Verdict.notHuntable("schedule " + schedule + " of round " + round + " (seed " + seed
                            + ") " + unmanaged);
                }
                if (outcome.failed()) {
                    String strategyName = StrategyName.recorded(settings.strategy.name(),
                            explorer.strategyOf(schedule));
                    Verdict verdict = finding(runner, limits, seed, schedule, strategyName, outcome);
                    if (verdict != null) {
                        return verdict;
                    }
                }
            }
            if (settings.strategy == Strategy.EXHAUSTIVE && explorer.exhausted()) {
                return Verdict.of("passed", "every interleaving explored");
            }
        }
        return passed();
    }

    private Verdict passed() {
        return Verdict.of("passed", statistics.schedules() == 0 ? "its share of the budget was spent before a"
                + " schedule could run" : "");
    }

    /** Why the scheduler could not manage what the schedule ran into, or null when it could. */
    private static String unmanaged(ScheduleOutcome outcome) {
        if (outcome.divergence() != null) {
            return "did not run the same way twice: " + outcome.divergence();
        }
        if (!outcome.leakedThreads().isEmpty()) {
            return "left threads that would not stop: " + outcome.leakedThreads();
        }
        if (outcome.failed()) {
            switch (outcome.failure().kind()) {
                case UNMANAGED_BLOCKING:
                case UNMANAGED_THREAD:
                    return "ran into what the scheduler cannot manage: " + outcome.failure().description();
                default:
            }
        }
        return null;
    }

    /**
     * A schedule failed. It is a finding only if its decisions, replayed, fail the same way again: a failure that
     * does not replay came from something outside the scheduler (wall-clock time, I/O), and the test is not
     * huntable rather than wrong. A finding is shrunk, saved and thrown; null is never returned for one.
     */
    private Verdict finding(ScheduleRunner runner, ScheduleLimits limits, String seed, int schedule,
            String strategy, ScheduleOutcome outcome) throws InterruptedException {
        ScheduleRecording.Fingerprint fingerprint = outcome.recording().fingerprint();
        ScheduleOutcome again = runner.run(GuidedStrategy.replaying(outcome.recording().decisions()),
                ScheduleLimits.withMaxSteps(settings.maxSteps), null,
                new ExpectedTrace(fingerprint.events(), fingerprint.trace()));
        if (again.divergence() != null || !again.failed() || !Shrinker.sameFailure(again, outcome.failure())) {
            return Verdict.notHuntable("schedule " + schedule + " (seed " + seed + ") failed with "
                    + FailureReport.headline(outcome) + ", but replaying its decisions did not fail the same way:"
                    + " the test depends on something the scheduler does not control (wall-clock time, I/O, another"
                    + " process)");
        }
        FailureReport report = report(strategy, seed, schedule).staticStateLeaked(runner.statics().leaked());
        ScheduleOutcome reported = outcome;
        String shrinking = "";
        if (settings.shrinkSchedules > 0) {
            Shrinker.Result shrunk = new Shrinker(runner, limits.withDeadline(Long.MAX_VALUE), settings.shrinkMillis,
                    settings.shrinkSchedules).shrink(outcome.recording().decisions(), outcome.failure());
            if (shrunk != null) {
                reported = shrunk.outcome;
                report.shrunk(shrunk.summary());
                shrinking = " " + shrunk.summary();
            }
        }
        reported = runner.rerunShowingValues(reported, limits.withDeadline(Long.MAX_VALUE));
        save(strategy, seed, schedule, reported, report, shrinking);
        ConcurrencyFailure failure = report.toFailure(reported);
        throw withRegressionNote(failure);
    }

    private void save(String strategy, String seed, int schedule, ScheduleOutcome outcome, FailureReport report,
            String shrinking) {
        ScheduleRecording recording = outcome.recording();
        ScheduleRecording.Fingerprint fingerprint = recording.fingerprint();
        ScheduleRecord record = new ScheduleRecord(identity, strategy, seed, schedule, FrameworkVersion.current(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                settings.maxSteps, recording.decisions(), fingerprint.events(), fingerprint.trace(),
                new ScheduleRecord.FailureSummary(outcome.failure().kind().name(), outcome.failure().thread(),
                        FailureReport.headline(outcome) + shrinking), null, ValueText.ofTrace(outcome.trace()));
        Path file = new ScheduleDirectory(settings.failuresDir).fileFor(identity, seed, schedule);
        try {
            ScheduleFiles.write(file, record);
            report.savedTo(file);
            files.add(file);
        } catch (IOException | RuntimeException e) {
            report.notSaved("writing " + file + " failed: " + e);
        }
    }

    private ConcurrencyFailure replayFailure(ScheduleReplay replay) {
        ScheduleRecord record = replay.record;
        return withRegressionNote(report(record.strategy(), record.seed(), record.schedule())
                .replayedFrom(replay.file).toFailure(replay.outcome));
    }

    private FailureReport report(String strategy, String seed, int schedule) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Map<String, String> selecting = new LinkedHashMap<>();
        selecting.put(HuntSettings.HUNT, "true");
        selecting.put(HuntSettings.INCLUDE, className + "#" + identity.methodName().replaceAll("\\[.*", ""));
        return new FailureReport("hunted " + simple + "." + identity.methodName() + "()", simple + "#"
                + identity.methodName().replaceAll("\\[.*", ""), strategy, seed, schedule, ROUND)
                .qualifiedAs(className + "#" + identity.methodName().replaceAll("\\[.*", ""))
                .selectedBy(selecting);
    }

    /**
     * The report of a finding, with how to keep it: the hunt replays it first on every later hunt while it is in
     * the failures folder; committed elsewhere, {@code interleave.failures.dir} or a replay line points at it.
     */
    private ConcurrencyFailure withRegressionNote(ConcurrencyFailure failure) {
        Path file = failure.scheduleFile().orElse(null);
        if (file == null) {
            return failure;
        }
        String note = "\n\nKeep it as a regression test: the next hunt replays " + file.getFileName() + " first while"
                + " it stays in " + settings.failuresDir + " (copy it to src/test/resources/interleave and hunt with"
                + " -D" + Settings.FAILURES_DIR + "=src/test/resources/interleave to keep it across clean builds).";
        if (identity.parameterTypes().isEmpty() && !identity.methodName().contains("[")) {
            // Interleave's own runner calls the same lifecycle methods and test on thread 0: the file replays there
            note += "\nOr replay it in every build, hunting or not: put @ConcurrencyTest(replay = \"" + file + "\") on "
                    + identity.methodName() + "() in place of @Test (with the file copied beside the tests, name"
                    + " that path).";
        }
        ConcurrencyFailure annotated = new ConcurrencyFailure(failure.kind(), failure.seed(), failure.schedule(),
                file, failure.getMessage() + note, failure.getCause());
        annotated.setStackTrace(failure.getStackTrace());
        return annotated;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }

    /** How a hunt of one test ended, for the console and {@code hunt.json}, when no finding failed it. */
    static final class Verdict {
        final String verdict;
        final String reason;

        private Verdict(String verdict, String reason) {
            this.verdict = verdict;
            this.reason = reason;
        }

        static Verdict of(String verdict, String reason) {
            return new Verdict(verdict, reason);
        }

        static Verdict notHuntable(String reason) {
            return new Verdict("not huntable", reason);
        }

        static Verdict notRun(String reason) {
            return new Verdict("not run", reason);
        }
    }
}
