package dev.interleave.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.interleave.ConcurrencyFailure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * EXHAUSTIVE on the small samples, with no preemption bound: every fixed one is proved correct (the whole space of
 * schedules, reduced by partial-order reduction, explored within the budget), every buggy one fails as its
 * {@link BugSample} says. The samples too large to finish are not listed; the strategy benchmark measures them.
 * Nor is ConditionBufferSample (proved and found on JDK 17): on JDK 22 and later a schedule that EXHAUSTIVE stops
 * as a repeat while a thread reacquires its lock after {@code Condition.await} does not unwind (see the README).
 */
class ExhaustiveTests {

    private static final int BUDGET = 3_000;

    private static final List<String> PROVED = List.of(
            "CheckThenActSample#atomicCheckThenAct",
            "ConcurrentLocksSample#reentrantLocksInOneOrder",
            "ConcurrentLocksSample#latchHandsOverAValue",
            "ConcurrentMapSample#computeIfAbsent",
            "CounterSample#synchronizedIncrement",
            "LockOrderSample#sameLockOrder",
            "WaitNotifySample#waitUnderWhile",
            "WaitNotifySample#checkedNotification",
            "sctbench.AccountSample#auditorAddsTheDeposit",
            "sctbench.BluetoothDriverSample#checkAndIncrementAtomically",
            "sctbench.Carter01Sample#oneCounterLockPerClass",
            "sctbench.DeadlockSample#locksInOneOrder",
            "sctbench.DiningPhilosophersSample#servedByTheWaiter3",
            "sctbench.Phase01Sample#everyLockReleased",
            "sctbench.QueueSample#batchAndRecordUnderOneLock",
            "sctbench.StringBufferSample#appendCopiesTheOtherBufferInOneCall",
            "sctbench.TokenRingSample#tokenPassedInRingOrder");

    private static final List<String> FOUND = List.of(
            "CheckThenActSample#checkThenAct",
            "ConcurrentLocksSample#reentrantLocksInOppositeOrder",
            "ConcurrentMapSample#checkThenPut",
            "CounterSample#lostUpdate",
            "CounterSample#lostUpdateWithYield",
            "LockOrderSample#oppositeLockOrder",
            "LockOrderSample#transfersBothWays",
            "ReaderWriterSample#fairReadersDeadlockThroughAQueuedWriter",
            "ReaderWriterSample#nonFairReadersDeadlockThroughAQueuedWriter",
            "WaitNotifySample#waitUnderIf",
            "WaitNotifySample#lostNotification",
            "sctbench.AccountSample#auditorSubtractsTheDeposit",
            "sctbench.BluetoothDriverSample#stopBetweenCheckAndIncrement",
            "sctbench.Carter01Sample#oneCounterLockForBothClasses",
            "sctbench.CircularBufferSample#elementsNumberedByAttempt",
            "sctbench.DeadlockSample#locksInOppositeOrders",
            "sctbench.DiningPhilosophersSample#allAte2",
            "sctbench.DiningPhilosophersSample#allAte3",
            "sctbench.DiningPhilosophersSample#leftForkFirst2",
            "sctbench.DiningPhilosophersSample#leftForkFirst3",
            "sctbench.Phase01Sample#secondLockOfXNeverReleased",
            "sctbench.QueueSample#recordWrittenAfterTheBatchIsOut",
            "sctbench.ReorderSample#reorder3",
            "sctbench.ReorderSample#reorder4",
            "sctbench.StringBufferSample#appendReadsTheLengthAndTheCharactersApart",
            "sctbench.TokenRingSample#tokenRing",
            "sctbench.TwoStageSample#twoStage");

    @TempDir
    static Path failures;

    @TestFactory
    Stream<DynamicTest> everySmallFixedSampleIsProvedCorrect() {
        return PROVED.stream().map(sample -> DynamicTest.dynamicTest(sample, () -> {
            Run run = explore(sample);
            assertThat(run.result.getStatus()).as("%s must pass, but: %s", sample,
                    run.result.getThrowable().map(Throwable::getMessage).orElse(""))
                    .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
            String interleavings = run.entries.get("interleave.interleavings");
            assertThat(run.entries.get("interleave.coverage")).as(sample)
                    .isIn("all " + interleavings + " interleavings explored", "its only interleaving explored");
            assertThat(Integer.parseInt(run.entries.get("interleave.schedules"))).isLessThan(BUDGET);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySmallBugIsFound() {
        return FOUND.stream().map(sample -> DynamicTest.dynamicTest(sample, () -> {
            Run run = explore(sample);
            assertThat(run.result.getStatus()).as("%s must fail", sample).isEqualTo(TestExecutionResult.Status.FAILED);
            ConcurrencyFailure failure = (ConcurrencyFailure) run.result.getThrowable().orElseThrow();
            assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(documentedKind(sample));
            assertThat(failure.scheduleFile()).as("the failing schedule is saved").isPresent();
        }));
    }

    private static ConcurrencyFailure.Kind documentedKind(String sample) throws Exception {
        String[] parts = qualified(sample).split("#");
        return Class.forName(parts[0]).getDeclaredMethod(parts[1]).getAnnotation(BugSample.class).value();
    }

    private static String qualified(String sample) {
        return ExhaustiveTests.class.getPackageName() + "." + sample;
    }

    private static Run explore(String sample) {
        EngineExecutionResults results = EngineTestKit.engine("interleave")
                .selectors(selectMethod(qualified(sample)))
                .configurationParameter("interleave.strategy", "EXHAUSTIVE")
                .configurationParameter("interleave.schedules", Integer.toString(BUDGET))
                .configurationParameter("interleave.failures.dir", failures.toString())
                .configurationParameter("interleave.failures.rerun", "false")
                .execute();
        List<Event> finished = results.testEvents().finished().list();
        assertThat(finished).hasSize(1);
        Map<String, String> entries = new HashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        return new Run(finished.get(0).getRequiredPayload(TestExecutionResult.class), entries);
    }

    private record Run(TestExecutionResult result, Map<String, String> entries) {
    }
}
