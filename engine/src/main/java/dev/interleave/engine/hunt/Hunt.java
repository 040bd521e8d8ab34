package dev.interleave.engine.hunt;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.engine.execution.InterleaveExecutionContext;
import dev.interleave.engine.execution.Settings;
import dev.interleave.schedulefile.ScheduleRecord;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.TestAbortedException;

/**
 * One hunt: the tests it took, the wall-time budget they share, the totals for the console, and the summary file.
 * Tests are hunted one after another; each gets an equal share of what is left of the budget, so a test that ends
 * early (a finding, a test that is not huntable) leaves its time to those after it.
 */
final class Hunt {

    final Jupiter jupiter;
    final HuntSettings settings;
    private final String defaultSeed;
    private int tests;
    private int done;
    private long started;
    private long budgetDeadline;
    private long schedules;
    private long interleavings;
    private int findings;
    private HuntSummary summary;

    Hunt(Jupiter jupiter, HuntSettings settings) {
        this.jupiter = jupiter;
        this.settings = settings;
        // Shards of one CI run share the seed without talking to each other; each day hunts new schedules
        this.defaultSeed = "hunt-" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** A test was taken at discovery. */
    void counted() {
        tests++;
    }

    String defaultSeed() {
        return defaultSeed;
    }

    private synchronized void start(ConfigurationParameters configuration) {
        if (started != 0) {
            return;
        }
        started = System.nanoTime();
        budgetDeadline = settings.budget == null ? Long.MAX_VALUE : started + settings.budget.toNanos();
        Path folder = Settings.path(Settings.FAILURES_DIR, configuration.get(Settings.FAILURES_DIR)
                .map(String::trim).filter(value -> !value.isEmpty()).orElse(Settings.DEFAULT_FAILURES_DIR));
        summary = new HuntSummary(folder, settings.shard, settings.shards, configuration.get(Settings.SEED)
                .map(String::trim).filter(seed -> !seed.isEmpty()).orElse(defaultSeed));
        System.out.printf(Locale.ROOT, "[interleave] hunt: %d test%s, shard %s, %s%n", tests, tests == 1 ? "" : "s",
                settings.shardName(), settings.budget == null ? "up to " + seconds(settings.perTest.toNanos())
                        + " per test" : "budget " + seconds(settings.budget.toNanos())
                        + (settings.perTest == null ? "" : ", at most " + seconds(settings.perTest.toNanos())
                        + " per test"));
    }

    /** When the test about to be hunted must stop: its fair share of what is left, within its own bound. */
    private synchronized long deadlineOfNext() {
        long now = System.nanoTime();
        long share = Long.MAX_VALUE;
        if (settings.budget != null) {
            share = Math.max(0, budgetDeadline - now) / Math.max(1, tests - done);
        }
        if (settings.perTest != null) {
            share = Math.min(share, settings.perTest.toNanos());
        }
        return share == Long.MAX_VALUE ? Long.MAX_VALUE : now + share;
    }

    /** Hunts a plain test: its straight run first, then its schedules. */
    void huntTest(HuntTestDescriptor test, InterleaveExecutionContext context) throws Exception {
        start(context.configuration());
        long begun = System.nanoTime();
        long deadline = deadlineOfNext();
        ScheduleRecord.TestIdentity identity = new ScheduleRecord.TestIdentity(test.className, test.methodName,
                test.parameterTypes);
        JupiterRun straight = straightRun(test.jupiterId);
        try {
            hunt(identity, test.jupiterId, straight.failure(), straight.notRun(), deadline, begun, context, test);
        } finally {
            finishedTest();
        }
    }

    /** A parameterized, repeated or factory test: runs it straight, for its invocations; each is hunted in turn. */
    List<JupiterRun.Invocation> straightRunOfInvocations(HuntTestDescriptor test, InterleaveExecutionContext context) {
        start(context.configuration());
        test.deadline = deadlineOfNext();
        test.begun = System.nanoTime();
        JupiterRun straight = straightRun(test.jupiterId);
        if (straight.invocations().isEmpty()) {
            String name = test.className + "#" + test.methodName;
            try {
                if (straight.failure() != null) {
                    record(name, "failed", "failed on its straight run, before any invocation", null, test.begun,
                            context, test);
                    throw HuntTestDescriptor.rethrown(straight.failure());
                }
                String notRun = straight.notRun() != null ? straight.notRun()
                        : "it registered no invocations on its straight run: nothing to hunt";
                record(name, "not run", notRun, null, test.begun, context, test);
                throw new TestAbortedException(notRun);
            } finally {
                finishedTest();
            }
        }
        return straight.invocations();
    }

    /** One invocation: its share of the test's time is what is left of it, over the invocations left. */
    void huntInvocation(HuntTestDescriptor.InvocationDescriptor invocation, InterleaveExecutionContext context)
            throws Exception {
        HuntTestDescriptor test = invocation.test();
        long begun = System.nanoTime();
        long deadline = test.deadline == Long.MAX_VALUE ? Long.MAX_VALUE
                : begun + Math.max(0, test.deadline - begun) / invocation.left;
        ScheduleRecord.TestIdentity identity = new ScheduleRecord.TestIdentity(test.className, test.methodName + "["
                + invocation.invocation.id.getLastSegment().getValue().replace("#", "") + "]", test.parameterTypes);
        JupiterRun.Invocation straight = invocation.invocation;
        Throwable failure = straight.result == null ? null : straight.result.getThrowable()
                .filter(thrown -> straight.result.getStatus() == org.junit.platform.engine.TestExecutionResult
                        .Status.FAILED).orElse(null);
        String notRun = straight.skipped != null ? "skipped: " + straight.skipped
                : straight.result != null && straight.result.getStatus()
                == org.junit.platform.engine.TestExecutionResult.Status.ABORTED ? "aborted on its straight run" : null;
        try {
            hunt(identity, straight.id, failure, notRun, deadline, begun, context, invocation);
        } finally {
            if (invocation.left == 1) {
                finishedTest();
            }
        }
    }

    private void hunt(ScheduleRecord.TestIdentity identity, org.junit.platform.engine.UniqueId jupiterId,
            Throwable straightFailure, String notRun, long deadline, long begun, InterleaveExecutionContext context,
            org.junit.platform.engine.TestDescriptor descriptor) throws Exception {
        String name = identity.className() + "#" + identity.methodName();
        if (straightFailure != null) {
            record(name, "failed", "failed on its straight run, before any schedule: a plain failure, not a finding",
                    null, begun, context, descriptor);
            throw HuntTestDescriptor.rethrown(straightFailure);
        }
        if (notRun != null) {
            record(name, "not run", notRun, null, begun, context, descriptor);
            throw new TestAbortedException(notRun);
        }
        TestHunt testHunt = new TestHunt(this, context.configuration(), identity, jupiterId, deadline);
        TestHunt.Verdict verdict;
        try {
            verdict = testHunt.run();
        } catch (ConcurrencyFailure finding) {
            synchronized (this) {
                findings++;
            }
            record(name, "finding", finding.getMessage().lines().findFirst().orElse(""), testHunt, begun, context,
                    descriptor);
            throw finding;
        } catch (Exception | Error other) {
            record(name, "error", String.valueOf(other.getMessage()), testHunt, begun, context, descriptor);
            throw other;
        }
        record(name, verdict.verdict, verdict.reason, testHunt, begun, context, descriptor);
        if (verdict.verdict.equals("not huntable")) {
            throw new TestAbortedException("not huntable: " + verdict.reason);
        }
        if (verdict.verdict.equals("not run")) {
            throw new TestAbortedException(verdict.reason);
        }
    }

    private JupiterRun straightRun(org.junit.platform.engine.UniqueId test) {
        JupiterRun run = new JupiterRun(test);
        jupiter.execute(jupiter.discover(test, false), run);
        return run;
    }

    private void finishedTest() {
        String line;
        synchronized (this) {
            done++;
            line = progress();
        }
        System.out.println(line);
    }

    private void record(String name, String verdict, String reason, TestHunt testHunt, long begun,
            InterleaveExecutionContext context, org.junit.platform.engine.TestDescriptor descriptor) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun);
        int testSchedules = testHunt == null ? 0 : testHunt.statistics.schedules();
        int testInterleavings = testHunt == null ? 0 : testHunt.statistics.interleavings();
        List<Path> files = testHunt == null ? List.of() : testHunt.files;
        synchronized (this) {
            schedules += testSchedules;
            interleavings += testInterleavings;
            summary.add(new HuntSummary.Entry(name, testSchedules, testInterleavings, millis, verdict, reason,
                    files.stream().map(Path::toString).sorted().toList()));
            summary.write();
        }
        ReportEntry entry = ReportEntry.from(java.util.Map.of("interleave.verdict", verdict,
                "interleave.schedules", Integer.toString(testSchedules),
                "interleave.interleavings", Integer.toString(testInterleavings),
                "interleave.millis", Long.toString(millis)));
        context.listener().reportingEntryPublished(descriptor, entry);
        System.out.printf(Locale.ROOT, "[interleave] hunt %s: %s%s, %d schedules (%d distinct interleavings),"
                + " %.2f s%n", name, verdict, reason == null || reason.isEmpty() ? "" : " (" + reason + ")",
                testSchedules, testInterleavings, millis / 1e3);
    }

    private synchronized String progress() {
        long now = System.nanoTime();
        String left = settings.budget == null ? "" : ", " + seconds(Math.max(0, budgetDeadline - now)) + " left";
        return String.format(Locale.ROOT, "[interleave] hunt progress: %d of %d tests done, %d schedules, %d distinct"
                + " interleavings, %d finding%s, %s elapsed%s", done, tests, schedules,
                interleavings, findings, findings == 1 ? "" : "s", seconds(now - started), left);
    }

    void say(ScheduleRecord.TestIdentity test, String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[interleave] hunt %s#%s: %s%n", test.className(), test.methodName(),
                String.format(Locale.ROOT, format, arguments));
    }

    private static String seconds(long nanos) {
        long total = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return total >= 60 ? String.format(Locale.ROOT, "%dm%02ds", total / 60, total % 60)
                : String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
