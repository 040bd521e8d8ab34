package dev.interleave.engine.execution;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.interleave.ConcurrencyTest;
import dev.interleave.Strategy;
import dev.interleave.engine.FrameworkVersion;
import dev.interleave.engine.statics.StaticState;
import dev.interleave.report.CommandLines;
import dev.interleave.report.FailureReport;
import dev.interleave.report.StrategyName;
import dev.interleave.report.ValueText;
import dev.interleave.report.html.LiveFailures;
import dev.interleave.report.html.ReportFolder;
import dev.interleave.report.html.TestResult;
import dev.interleave.schedulefile.ScheduleDirectory;
import dev.interleave.schedulefile.ScheduleFiles;
import dev.interleave.schedulefile.ScheduleRecord;
import dev.interleave.scheduler.ScheduleLimits;
import dev.interleave.scheduler.ScheduleOutcome;
import dev.interleave.scheduler.ScheduleRecording;
import dev.interleave.strategy.Explorer;
import dev.interleave.strategy.Explorers;
import dev.interleave.strategy.SchedulingStrategy;
import dev.interleave.strategy.Seeds;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs one {@code @ConcurrencyTest} method: replays the schedule files it is asked to, or else replays the
 * schedules that failed it before and then explores new ones, each with a fresh instance of its class, until one
 * fails or the budget is spent. A failing schedule is saved to a file that replays it.
 */
public final class Exploration {

    private final Class<?> testClass;
    private final Method method;
    private final InterleaveExecutionContext context;
    private final TestDescriptor descriptor;
    private final ScheduleRecord.TestIdentity identity;
    /** Whether waits may end spuriously in the schedules this run explores; saved with each failing one. */
    private boolean spuriousWakeups;
    /** The failure's page in the HTML report and its headline, once a schedule failed; null before. */
    private String failurePage;
    private String failureHeadline;

    public Exploration(Class<?> testClass, Method method, InterleaveExecutionContext context,
            TestDescriptor descriptor) {
        this.testClass = testClass;
        this.method = method;
        this.context = context;
        this.descriptor = descriptor;
        this.identity = new ScheduleRecord.TestIdentity(testClass.getName(), method.getName(), "");
    }

    public void run() throws InterruptedException, TimeoutException {
        checkSignature();
        ConcurrencyTest annotation = AnnotationSupport.findAnnotation(method, ConcurrencyTest.class)
                .orElseThrow(() -> new JUnitException(method + " is not annotated with @ConcurrencyTest"));
        Settings settings = Settings.resolve(annotation, context.configuration());
        List<Path> replays = settings.replay.isEmpty() ? List.of() : ReplayFiles.resolve(settings.replay, identity);
        UnexploredClasses.check(AgentStatus.requireInstrumented(testClass), testClass);
        boolean exclusive = !context.configuration().getBoolean("interleave.parallel.enabled").orElse(false);
        spuriousWakeups = Settings.spuriousWakeups(context.configuration());
        try (ScheduleRunner runner = new ScheduleRunner(testClass, method, LifecycleMethods.of(testClass),
                AgentStatus.staticStateOf(testClass, exclusive), spuriousWakeups, settings.watchdogMillis)) {
            if (!replays.isEmpty()) {
                replay(runner, replays, settings);
                return;
            }
            if (settings.rerunFailures) {
                PastFailures.rerun(runner, settings.failuresDir, identity, (replay, started) -> {
                    FailureReport report = replayReport(replay);
                    drawPage(settings, report, replay.outcome);
                    publishReplay(settings, "failed", replay.file.toString(), replay.record, replay.outcome.steps(),
                            started);
                    return report.toFailure(replay.outcome);
                }, line -> say("%s", line));
            }
            explore(runner, settings);
        }
    }

    /** Replays the files the user named; the test fails if one fails again or has left its recorded path. */
    private void replay(ScheduleRunner runner, List<Path> files, Settings settings) throws InterruptedException {
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        long steps = 0;
        for (Path file : files) {
            ScheduleReplay replay = ScheduleReplay.of(file, identity, runner);
            if (replay.outcome != null) {
                steps += replay.outcome.steps();
            }
            switch (replay.verdict) {
                case FAILED: {
                    FailureReport report = replayReport(replay);
                    drawPage(settings, report, replay.outcome);
                    publishReplay(settings, "failed", replay.file.toString(), replay.record, steps, started);
                    throw report.toFailure(replay.outcome);
                }
                case PASSED:
                    say("replayed %s: it no longer fails (it failed with %s when recorded)", file,
                            replay.record.failure().kind());
                    break;
                default:
                    problems.add(replay.problem);
            }
        }
        String what = files.size() == 1 ? files.get(0).toString() : files.size() + " schedule files";
        if (!problems.isEmpty()) {
            publishReplay(settings, "not replayable", what, null, steps, started);
            throw new JUnitException(String.join("\n", problems));
        }
        publishReplay(settings, "passed", what, null, steps, started);
    }

    private void explore(ScheduleRunner runner, Settings settings) throws InterruptedException, TimeoutException {
        long started = System.nanoTime();
        Optional<Duration> timeout = timeout();
        ScheduleLimits limits = ScheduleLimits.withMaxSteps(settings.maxSteps);
        if (timeout.isPresent()) {
            limits = limits.withDeadline(started + timeout.get().toNanos());
        }
        Explorer explorer = Explorers.of(settings.strategy, Seeds.parse(settings.seed), settings.pctDepth,
                settings.maxPreemptions, settings.reduction);
        ExplorationStatistics statistics = new ExplorationStatistics();
        int schedule = 0;
        while (schedule < settings.schedules) {
            if (limits.isPast(System.nanoTime())) {
                throw timedOut(settings, statistics, timeout.get(), started);
            }
            SchedulingStrategy strategy = explorer.next(schedule + 1);
            if (strategy == null) {
                break;
            }
            schedule++;
            ScheduleRecording recording = settings.recording ? new ScheduleRecording() : null;
            ScheduleOutcome outcome = runner.run(strategy, limits, recording, null);
            if (outcome.timedOut()) {
                throw timedOut(settings, statistics, timeout.get(), started);
            }
            explorer.finished(outcome.steps());
            statistics.add(outcome);
            if (outcome.divergence() != null) {
                publish(settings, "not explorable", statistics, explorer, started);
                throw new JUnitException(testClass.getSimpleName() + "." + method.getName() + "(): schedule "
                        + schedule + " of the " + settings.strategy + " strategy " + outcome.divergence());
            }
            if (outcome.failed()) {
                failed(runner, limits, settings, schedule, outcome, statistics, explorer, started);
            }
            if (!outcome.leakedThreads().isEmpty()) {
                throw new JUnitException("schedule " + schedule + " ended, but these threads would not stop: "
                        + outcome.leakedThreads());
            }
        }
        publish(settings, "passed", statistics, explorer, started);
    }

    /** The exploration found a failing schedule: shrinks it, saves it and fails the test with its report. */
    private void failed(ScheduleRunner runner, ScheduleLimits limits, Settings settings, int schedule,
            ScheduleOutcome outcome, ExplorationStatistics statistics, Explorer explorer, long started)
            throws InterruptedException {
        Throwable cause = outcome.failure().cause();
        if (outcome.failure().thread() == 0 && cause instanceof LifecycleMethodFailure) {
            publish(settings, "failed", statistics, explorer, started);
            throw new LifecycleMethodFailure(cause.getMessage() + "\n(in schedule " + schedule
                    + " of the exploration with seed " + settings.seed + "; " + CommandLines.quote("-D"
                    + Settings.SEED + "=" + settings.seed) + " runs it again)", cause.getCause());
        }
        String strategy = StrategyName.recorded(settings.strategy.name(), explorer.strategyOf(schedule));
        FailureReport report = report(strategy, settings.seed, schedule, settings.schedules)
                .staticStateLeaked(runner.statics().leaked());
        ScheduleOutcome reported = outcome;
        Shrinker.Result shrunk = null;
        if (outcome.recording() == null) {
            report.notShrunk("recording is off (-D" + Settings.RECORDING + "=false)");
        } else if (!outcome.leakedThreads().isEmpty()) {
            report.notShrunk("a thread of it could not be stopped, and every schedule tried would leave one more");
        } else if (settings.shrinkSchedules > 0) {
            shrunk = new Shrinker(runner, limits, settings.shrinkMillis, settings.shrinkSchedules)
                    .shrink(outcome.recording().decisions(), outcome.failure());
            if (shrunk != null) {
                reported = shrunk.outcome;
                report.shrunk(shrunk.summary());
            }
        }
        reported = runner.rerunShowingValues(reported, limits);
        Map<String, String> extra = new LinkedHashMap<>();
        if (shrunk != null) {
            extra.put("interleave.preemptions", Integer.toString(shrunk.preemptionsAfter));
            extra.put("interleave.shrunkFrom", Integer.toString(shrunk.preemptionsBefore));
            extra.put("interleave.shrinkMillis", Long.toString(shrunk.millis));
        }
        extra.put("interleave.foundBy", strategy);
        save(settings, strategy, schedule, reported, report, (shrunk == null ? "" : " " + shrunk.summary())
                + StaticState.note(runner.statics().leaked()));
        drawPage(settings, report, reported);
        publish(settings, "failed", statistics, explorer, started, extra);
        throw report.toFailure(reported);
    }

    /**
     * Writes the failing schedule's file, and tells the report where it went or why it could not; {@code shrinking}
     * follows the failure's headline in the file, so that the file says how much its schedule shrank.
     */
    private void save(Settings settings, String strategy, int schedule, ScheduleOutcome outcome,
            FailureReport report, String shrinking) {
        ScheduleRecording recording = outcome.recording();
        if (recording == null) {
            report.notSaved("recording is off (-D" + Settings.RECORDING + "=false)");
            return;
        }
        ScheduleRecording.Fingerprint fingerprint = recording.fingerprint();
        ScheduleRecord record = new ScheduleRecord(identity, strategy, settings.seed, schedule,
                FrameworkVersion.current(), jdkVersion(), settings.maxSteps, recording.decisions(),
                fingerprint.events(), fingerprint.trace(), new ScheduleRecord.FailureSummary(
                outcome.failure().kind().name(), outcome.failure().thread(), FailureReport.headline(outcome) + shrinking),
                spuriousWakeups, ValueText.ofTrace(outcome.trace())).withDetails(LiveFailures.details(outcome));
        Path file = new ScheduleDirectory(settings.failuresDir).fileFor(identity, settings.seed, schedule);
        try {
            ScheduleFiles.write(file, record);
            report.savedTo(file);
        } catch (IOException | RuntimeException e) {
            report.notSaved("writing " + file + " failed: " + e);
        }
    }

    private FailureReport replayReport(ScheduleReplay replay) {
        ScheduleRecord record = replay.record;
        return report(record.strategy(), record.seed(), record.schedule(), record.schedule())
                .replayedFrom(replay.file);
    }

    /** Writes the failure's page of the HTML report, unless it is off, and tells the report where it went. */
    private void drawPage(Settings settings, FailureReport report, ScheduleOutcome outcome) {
        failureHeadline = FailureReport.headline(outcome);
        if (!settings.report) {
            return;
        }
        ReportFolder folder = ReportFolder.in(settings.failuresDir);
        try {
            failurePage = folder.writePage(testClass.getName(), method.getName(), report.seed(), report.schedule(),
                    LiveFailures.view(report, outcome));
            report.drawnIn(folder.folder().resolve(failurePage));
        } catch (IOException | RuntimeException e) {
            say("the failure's page of the HTML report could not be written: %s", e);
        }
    }

    /** The test's row in the HTML report's index, unless the report is off. */
    private void addResult(Settings settings, String verdict, String strategy, String seed, int schedules,
            int interleavings, long started, String coverage) {
        if (!settings.report) {
            return;
        }
        String className = testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1);
        boolean failed = verdict.equals("failed");
        context.results().add(ReportFolder.in(settings.failuresDir), new TestResult(testClass.getName(),
                method.getName(), className + "." + method.getName() + "()", verdict, strategy, seed, schedules,
                interleavings, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), coverage,
                failed ? failureHeadline : "", failed ? failurePage : "", System.currentTimeMillis()));
    }

    private static String jdkVersion() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    /** Jupiter's {@code @Timeout}, on the method or its class: a wall-clock bound for the whole exploration. */
    private Optional<Duration> timeout() {
        Optional<Timeout> annotation = AnnotationSupport.findAnnotation(method, Timeout.class)
                .or(() -> AnnotationSupport.findAnnotation(testClass, Timeout.class));
        return annotation.map(t -> Duration.ofNanos(t.unit().toNanos(t.value())));
    }

    private TimeoutException timedOut(Settings settings, ExplorationStatistics statistics, Duration timeout,
            long started) {
        publish(settings, "timed out", statistics, null, started);
        return new TimeoutException(method.getName() + "() timed out after " + timeout.toMillis() + " ms (@Timeout)"
                + " with " + statistics.schedules() + " of " + settings.schedules + " schedules explored, none failing"
                + " (seed " + settings.seed + "); lower interleave.schedules or raise the timeout");
    }

    private FailureReport report(String strategy, String seed, int schedule, int schedules) {
        String className = testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1);
        return new FailureReport(className + "." + method.getName() + "()", className + "#" + method.getName(),
                strategy, seed, schedule, schedules).qualifiedAs(testClass.getName() + "#" + method.getName());
    }

    private void say(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[interleave] %s.%s(): %s%n", testClass.getSimpleName(), method.getName(),
                String.format(Locale.ROOT, format, arguments));
    }

    /**
     * The report entries on the test's standard output too: Surefire's XML report keeps a test's output, not its
     * report entries.
     */
    private void sayEntries(Map<String, String> entries) {
        StringBuilder line = new StringBuilder();
        entries.forEach((key, value) -> line.append(line.length() == 0 ? "" : ", ").append(key).append('=')
                .append(value));
        say("%s", line);
    }

    private void publish(Settings settings, String verdict, ExplorationStatistics statistics, Explorer explorer,
            long started) {
        publish(settings, verdict, statistics, explorer, started, Map.of());
    }

    /**
     * The test's report entries and console line after an exploration; {@code explorer} says whether the space of
     * schedules was exhausted, where the strategy can tell.
     */
    private void publish(Settings settings, String verdict, ExplorationStatistics statistics, Explorer explorer,
            long started, Map<String, String> extra) {
        Map<String, String> entries = entries(verdict, statistics.steps(), started);
        statistics.putEntries(entries);
        entries.put("interleave.strategy", settings.strategy.name());
        entries.put("interleave.seed", settings.seed);
        String coverage = verdict.equals("passed") ? coverage(settings, statistics, explorer) : "";
        if (!coverage.isEmpty()) {
            entries.put("interleave.coverage", coverage);
        }
        entries.putAll(extra);
        context.listener().reportingEntryPublished(descriptor, ReportEntry.from(entries));
        sayEntries(entries);
        String daemons = statistics.daemonsStopped();
        String strategy = StrategyName.described(extra.getOrDefault("interleave.foundBy", settings.strategy.name()));
        addResult(settings, verdict, strategy, settings.seed, statistics.schedules(), statistics.interleavings(),
                started, coverage);
        say("%s, %s, strategy %s, seed %s, %.2f s%s%s", verdict, statistics.summary(), strategy, settings.seed,
                (System.nanoTime() - started) / 1e9, coverage.isEmpty() ? "" : "\n    " + coverage,
                daemons.isEmpty() ? "" : "\n    " + daemons);
    }

    /** For EXHAUSTIVE: whether every schedule was explored, and if not, how far the exploration got. */
    private static String coverage(Settings settings, ExplorationStatistics statistics, Explorer explorer) {
        if (settings.strategy != Strategy.EXHAUSTIVE || explorer == null) {
            return "";
        }
        String bounds = explorer.bounds().isEmpty() ? "" : " with " + explorer.bounds();
        if (explorer.exhausted()) {
            int interleavings = statistics.interleavings();
            return (interleavings == 1 ? "its only interleaving" : "all " + interleavings + " interleavings") + bounds
                    + " explored";
        }
        String progress = explorer.progress();
        return "not every interleaving" + bounds + " was explored: the budget of " + settings.schedules
                + " schedules ran out" + (progress.isEmpty() ? "" : " with " + progress) + " (raise -D"
                + Settings.SCHEDULES + (settings.maxPreemptions < 0 ? ", or bound preemptions with -D"
                + Settings.MAX_PREEMPTIONS + "=2" : "") + ")";
    }

    /**
     * The test's report entries and console line after a replay of {@code what}; {@code record} is the replayed
     * schedule's, when there is one, whose strategy, seed and number say where it was found.
     */
    private void publishReplay(Settings settings, String verdict, String what, ScheduleRecord record, long steps,
            long started) {
        Map<String, String> entries = entries(verdict, steps, started);
        entries.put("interleave.replay", what);
        String found = "";
        if (record != null) {
            entries.put("interleave.schedules", Integer.toString(record.schedule()));
            entries.put("interleave.strategy", record.strategy());
            entries.put("interleave.seed", record.seed());
            found = " (schedule " + record.schedule() + " of strategy " + StrategyName.described(record.strategy())
                    + ", seed " + record.seed()
                    + ")";
        }
        context.listener().reportingEntryPublished(descriptor, ReportEntry.from(entries));
        sayEntries(entries);
        addResult(settings, verdict, record == null ? "" : StrategyName.described(record.strategy()),
                record == null ? "" : record.seed(), 1, -1, started, "replay of " + what);
        say("%s, replaying %s%s, %.2f s", verdict, what, found, (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, String> entries(String verdict, long steps, long started) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("interleave.verdict", verdict);
        entries.put("interleave.steps", Long.toString(steps));
        entries.put("interleave.millis", Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        return entries;
    }

    private void checkSignature() {
        int modifiers = method.getModifiers();
        String problem = Modifier.isStatic(modifiers) ? "is static"
                : Modifier.isPrivate(modifiers) ? "is private"
                : method.getParameterCount() > 0 ? "takes parameters"
                : method.getReturnType() != void.class ? "does not return void"
                : null;
        if (problem != null) {
            throw new JUnitException("@ConcurrencyTest method " + method + " " + problem
                    + "; a @ConcurrencyTest method must be an instance method without parameters that returns void");
        }
    }
}
