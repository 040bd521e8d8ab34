package dev.interleave.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.interleave.bridge.Sites;
import org.junit.jupiter.api.Test;

/**
 * The blocking model on its own: threads that are never started, monitors and locks held in the model only, and a
 * strategy that answers from a list. No agent, no scheduler.
 */
class BlockingModelTests {

    private static final long SECOND = 1_000_000_000L;

    private final List<ManagedThread> threads = new ArrayList<>();
    private final Monitors monitors = new Monitors();
    private final LockHolds lockHolds = new LockHolds();
    private final VirtualClock clock = new VirtualClock();
    /** The strategy's answers, in order; 0 once they run out. */
    private final Deque<Integer> answers = new ArrayDeque<>();
    /** How many options each question the model asked the strategy had. */
    private final List<Integer> asked = new ArrayList<>();
    private final BlockingModel model = new BlockingModel(threads, monitors, lockHolds, clock, count -> {
        asked.add(count);
        return answers.isEmpty() ? 0 : answers.poll();
    });

    private ManagedThread thread() {
        ManagedThread thread = new ManagedThread(threads.size(), new Thread("t" + threads.size()), null);
        threads.add(thread);
        return thread;
    }

    private static void block(ManagedThread thread, Blocker blocker) {
        thread.waits.blocker = blocker;
    }

    private static Blocker.WaitReturn waiting(Object monitor, long deadline, long order) {
        return new Blocker.WaitReturn(monitor, deadline, order, false, false, false);
    }

    @Test
    void aThreadThatWaitsForNothingCanRun() {
        ManagedThread thread = thread();

        assertThat(thread.waits.blocker).isSameAs(Blocker.NONE);
        assertThat(model.isEnabled(thread)).isTrue();
    }

    @Test
    void aMonitorEntryCanGoOnOnceNoOtherThreadHoldsTheMonitor() {
        ManagedThread holder = thread();
        ManagedThread entering = thread();
        Object monitor = new Object();
        block(entering, new Blocker.MonitorEntry(monitor));

        assertThat(model.isEnabled(entering)).as("free").isTrue();
        monitors.enter(monitor, holder, Sites.UNKNOWN);
        assertThat(model.isEnabled(entering)).as("held by another").isFalse();
        monitors.exit(monitor, holder);
        monitors.enter(monitor, entering, Sites.UNKNOWN);
        assertThat(model.isEnabled(entering)).as("held by itself: reentrant").isTrue();
    }

    @Test
    void aWaitReturnsOnlyOnceSomethingEndedItAndTheMonitorIsFree() {
        ManagedThread waiter = thread();
        ManagedThread holder = thread();
        Object monitor = new Object();
        Blocker.WaitReturn wait = waiting(monitor, Blocker.NO_DEADLINE, 1);
        block(waiter, wait);

        assertThat(model.isEnabled(waiter)).as("nothing ended it").isFalse();
        monitors.enter(monitor, holder, Sites.UNKNOWN);
        block(waiter, wait.notifiedNow());
        assertThat(model.isEnabled(waiter)).as("notified, but the monitor is held").isFalse();
        monitors.exit(monitor, holder);
        assertThat(model.isEnabled(waiter)).as("notified, and free").isTrue();

        block(waiter, wait.afterTimeout());
        assertThat(model.isEnabled(waiter)).as("timed out").isTrue();
        block(waiter, new Blocker.WaitReturn(monitor, Blocker.NO_DEADLINE, 1, false, false, true));
        assertThat(model.isEnabled(waiter)).as("woken spuriously").isTrue();
        block(waiter, wait);
        model.interrupt(waiter);
        assertThat(model.isEnabled(waiter)).as("interrupted").isTrue();
    }

    @Test
    void aJoinReturnsOnceTheThreadEndedOrOnItsInterruptOrTimeout() {
        ManagedThread joiner = thread();
        ManagedThread target = thread();
        Blocker.Join join = new Blocker.Join(target, Blocker.NO_DEADLINE, false);
        block(joiner, join);

        assertThat(model.isEnabled(joiner)).isFalse();
        assertThat(join.waitsFor(model, joiner)).containsExactly(target);
        target.finished = true;
        assertThat(model.isEnabled(joiner)).as("ended").isTrue();
        target.finished = false;
        block(joiner, join.afterTimeout());
        assertThat(model.isEnabled(joiner)).as("timed out").isTrue();
        block(joiner, join);
        model.interrupt(joiner);
        assertThat(model.isEnabled(joiner)).as("interrupted").isTrue();
        model.clearInterrupt(joiner);
        assertThat(model.isEnabled(joiner)).as("an interrupt from before the wait").isFalse();
    }

    @Test
    void aParkReturnsWithAPermitWhichAnUnparkBeforeTheParkGivesToo() {
        ManagedThread parked = thread();
        Blocker.Park park = new Blocker.Park(null, Blocker.NO_DEADLINE, false, false);

        model.unpark(parked);
        block(parked, park);
        assertThat(model.isEnabled(parked)).as("unparked before it parked").isTrue();
        model.permitUsed(parked);
        assertThat(model.isEnabled(parked)).as("the permit is used up").isFalse();
        block(parked, new Blocker.Park(null, Blocker.NO_DEADLINE, false, true));
        assertThat(model.isEnabled(parked)).as("woken spuriously").isTrue();
        block(parked, park.afterTimeout());
        assertThat(model.isEnabled(parked)).as("timed out").isTrue();
        block(parked, park);
        model.interrupt(parked);
        assertThat(model.takeInterrupt(parked)).isTrue();
        assertThat(model.takeInterrupt(parked)).as("taken").isFalse();
    }

    @Test
    void anInterruptOfAThreadThatEndedChangesNothing() {
        ManagedThread ended = thread();
        ended.finished = true;

        model.interrupt(ended);

        assertThat(ended.waits.interruptRequested).isFalse();
    }

    @Test
    void whenNothingCanRunTheEarliestTimeoutFiresAndVirtualTimeJumpsToIt() {
        ManagedThread late = thread();
        ManagedThread early = thread();
        ManagedThread forever = thread();
        ManagedThread target = thread();
        block(late, new Blocker.Park(null, clock.deadlineAfter(5 * SECOND), false, false));
        block(early, new Blocker.Join(target, clock.deadlineAfter(2 * SECOND), false));
        block(forever, new Blocker.Park(null, Blocker.NO_DEADLINE, false, false));
        block(target, new Blocker.Park(null, Blocker.NO_DEADLINE, false, false));

        assertThat(model.fireEarliestTimeout()).isSameAs(early);
        assertThat(model.isEnabled(early)).isTrue();
        assertThat(clock.readNanos()).as("two seconds on, and the read's millisecond").isEqualTo(2 * SECOND + 1_000_000);
        assertThat(early.opFlags & Operations.GLOBAL).as("a timeout depends on every other step").isNotZero();

        block(early, Blocker.NONE);
        early.finished = true;
        assertThat(model.fireEarliestTimeout()).isSameAs(late);
        assertThat(clock.readNanos()).isEqualTo(5 * SECOND + 1_000_000);
        late.finished = true;
        assertThat(model.fireEarliestTimeout()).as("only waits without a timeout").isNull();
        assertThat(model.pollingOnly()).isFalse();
    }

    @Test
    void aTimedWaitTimesOutOnlyOnceItCouldTakeItsMonitorBack() {
        ManagedThread waiter = thread();
        ManagedThread holder = thread();
        Object monitor = new Object();
        block(waiter, waiting(monitor, clock.deadlineAfter(SECOND), 1));
        monitors.enter(monitor, holder, Sites.UNKNOWN);
        block(holder, new Blocker.Park(null, clock.deadlineAfter(3 * SECOND), false, false));

        assertThat(model.fireEarliestTimeout()).as("the waiter could not go on: the holder's timeout")
                .isSameAs(holder);

        monitors.exit(monitor, holder);
        holder.finished = true;
        assertThat(model.fireEarliestTimeout()).isSameAs(waiter);
        assertThat(((Blocker.WaitReturn) waiter.waits.blocker).timedOut()).isTrue();
    }

    @Test
    void timedWaitsInsideTheJdkThatTimeOutAgainAndAgainWithNothingElseHappeningAreADeadlock() {
        int jdkSite = Sites.register("java.io.PipedInputStream", "read", "PipedInputStream.java", 320,
                "call Object.wait");
        ManagedThread reader = thread();
        reader.lastSite = jdkSite;
        block(reader, new Blocker.Park(null, clock.deadlineAfter(SECOND), false, false));

        assertThat(model.fireEarliestTimeout()).as("first timeout").isSameAs(reader);
        block(reader, new Blocker.Park(null, clock.deadlineAfter(SECOND), false, false));
        assertThat(model.fireEarliestTimeout()).as("it polls again: nothing else happened").isNull();
        assertThat(model.pollingOnly()).isTrue();
        assertThat(model.describeDeadlock(List.of())).contains("The timed waits above are inside the JDK");
    }

    @Test
    void timedWaitsInTheApplicationTimeOutAsOftenAsTheyWait() {
        int site = Sites.register("com.example.Poller", "poll", "Poller.java", 12, "call Object.wait");
        ManagedThread poller = thread();
        poller.lastSite = site;
        for (int i = 0; i < 5; i++) {
            block(poller, new Blocker.Park(null, clock.deadlineAfter(SECOND), false, false));
            assertThat(model.fireEarliestTimeout()).isSameAs(poller);
        }
    }

    @Test
    void notifyWakesTheWaiterTheStrategyPicksInTheOrderTheyBeganToWait() {
        Object monitor = new Object();
        ManagedThread second = thread();
        ManagedThread first = thread();
        ManagedThread elsewhere = thread();
        block(second, waiting(monitor, Blocker.NO_DEADLINE, 7));
        block(first, waiting(monitor, Blocker.NO_DEADLINE, 3));
        block(elsewhere, waiting(new Object(), Blocker.NO_DEADLINE, 1));
        answers.add(1);

        assertThat(model.notifyWaiters(monitor, false)).isEqualTo("wakes thread 0");
        assertThat(asked).as("two waiters on the monitor").containsExactly(2);
        assertThat(model.isEnabled(second)).isTrue();
        assertThat(model.isEnabled(first)).isFalse();
        assertThat(model.isEnabled(elsewhere)).isFalse();

        assertThat(model.notifyWaiters(monitor, false)).as("a woken waiter is no longer a choice")
                .isEqualTo("wakes thread 1");
        assertThat(model.notifyWaiters(monitor, true)).isEqualTo("no thread waits");
    }

    @Test
    void notifyAllWakesEveryWaiterOfTheMonitorWithoutAChoice() {
        Object monitor = new Object();
        ManagedThread a = thread();
        ManagedThread b = thread();
        ManagedThread interrupted = thread();
        block(a, waiting(monitor, Blocker.NO_DEADLINE, 2));
        block(b, waiting(monitor, Blocker.NO_DEADLINE, 1));
        block(interrupted, waiting(monitor, Blocker.NO_DEADLINE, 3));
        model.interrupt(interrupted);

        assertThat(model.notifyWaiters(monitor, true)).isEqualTo("wakes thread 1, 0");
        assertThat(asked).isEmpty();
        assertThat(((Blocker.WaitReturn) interrupted.waits.blocker).notified()).as("already woken").isFalse();
    }

    @Test
    void spuriousWakeupsAndEarlyTimeoutsAreOfferedOnceAThreadAndOnlyWhenAllowed() {
        int site = Sites.register("com.example.Waiter", "await", "Waiter.java", 9, "call Object.wait");
        int jdkSite = Sites.register("java.util.concurrent.ArrayBlockingQueue", "take", null, 0, "call park");
        ManagedThread thread = thread();
        answers.add(1);

        assertThat(model.wakesSpuriously(thread, site)).as("not allowed").isFalse();
        model.allowSpuriousWakeups(true);
        assertThat(model.wakesSpuriously(thread, jdkSite)).as("the JDK's own waits loop").isFalse();
        assertThat(model.wakesSpuriously(thread, site)).isTrue();
        assertThat(model.wakesSpuriously(thread, site)).as("asked once").isFalse();

        assertThat(model.timesOutEarly(thread, BlockingModel.RACING_TIMEOUT_NANOS + 1)).as("too long").isFalse();
        answers.add(1);
        assertThat(model.timesOutEarly(thread, 1_000_000)).isTrue();
        assertThat(model.timesOutEarly(thread, 1_000_000)).as("asked once").isFalse();
        assertThat(asked).containsExactly(2, 2);
    }

    @Test
    void aDeadlockOfTwoMonitorsNamesTheHoldersAndTheCycle() {
        int takeA = Sites.register("com.example.Transfer", "run", "Transfer.java", 10, "monitorenter");
        int takeB = Sites.register("com.example.Transfer", "run", "Transfer.java", 20, "monitorenter");
        ManagedThread t0 = thread();
        ManagedThread t1 = thread();
        Object a = new Object();
        Object b = new Object();
        monitors.enter(a, t0, takeA);
        monitors.enter(b, t1, takeB);
        block(t0, new Blocker.MonitorEntry(b));
        t0.lastSite = takeB;
        block(t1, new Blocker.MonitorEntry(a));
        t1.lastSite = takeA;
        List<TraceEvent> trace = List.of(new TraceEvent(1, 0, OpKind.LOCK, null, takeA, a, -1, null),
                new TraceEvent(2, 1, OpKind.LOCK, null, takeB, b, -1, null));

        assertThat(model.isEnabled(t0)).isFalse();
        assertThat(model.isEnabled(t1)).isFalse();
        assertThat(model.fireEarliestTimeout()).isNull();
        assertThat(model.describeDeadlock(trace)).isEqualTo("no thread can run, and 2 threads have not finished:"
                + "\n  thread 0 (t0) waits to lock Object#2, held by thread 1 (t1), which took it at "
                + "Transfer.run(Transfer.java:20); it waits at Transfer.run(Transfer.java:20)"
                + "\n  thread 1 (t1) waits to lock Object#1, held by thread 0 (t0), which took it at "
                + "Transfer.run(Transfer.java:10); it waits at Transfer.run(Transfer.java:10)"
                + "\n  cycle: thread 0 -> thread 1 -> thread 0");
    }

    @Test
    void aCycleRunsThroughJoinsAndWokenWaitsButNotThroughWaitsForANotify() {
        ManagedThread joiner = thread();
        ManagedThread woken = thread();
        ManagedThread waiting = thread();
        Object monitor = new Object();
        monitors.enter(monitor, joiner, Sites.UNKNOWN);
        block(joiner, new Blocker.Join(woken, Blocker.NO_DEADLINE, false));
        block(woken, waiting(monitor, Blocker.NO_DEADLINE, 1).notifiedNow());
        block(waiting, waiting(monitor, Blocker.NO_DEADLINE, 2));

        String text = model.describeDeadlock(List.of());

        assertThat(text).contains("\n  thread 0 (t0) waits for thread 1 (t1) to end (join)\n")
                .contains("\n  thread 1 (t1) was woken from Object#1.wait() and waits to lock it again, held by "
                        + "thread 0 (t0)\n")
                .contains("\n  thread 2 (t2) waits in Object#1.wait() for a notify that no thread is left to send\n")
                .endsWith("\n  cycle: thread 0 -> thread 1 -> thread 0");
    }

    @Test
    void aThreadParkedForALockNamesItsHoldersAndThoseQueuedAheadOfIt() {
        Object lock = new Object();
        ManagedThread holder = thread();
        ManagedThread first = thread();
        ManagedThread second = thread();
        lockHolds.acquired(lock, holder, false, Sites.UNKNOWN);
        model.lockRequested(first, lock, false);
        model.lockRequested(second, lock, false);
        block(first, new Blocker.Park(lock, Blocker.NO_DEADLINE, false, false));
        block(second, new Blocker.Park(lock, Blocker.NO_DEADLINE, false, false));
        block(holder, new Blocker.Join(second, Blocker.NO_DEADLINE, false));

        String text = model.describeDeadlock(List.of());

        assertThat(text).contains("\n  thread 1 (t1) waits to lock Object#1, held by thread 0 (t0)\n")
                .contains("\n  thread 2 (t2) waits to lock Object#1, held by thread 0 (t0); queued ahead of it: "
                        + "thread 1 (t1)\n")
                .endsWith("cycle: thread 0 -> thread 2 -> thread 1 -> thread 0");
        model.lockRequestEnded(first);
        assertThat(model.describeDeadlock(List.of())).contains("thread 1 (t1) is parked (LockSupport.park, "
                + "blocker Object#1) and no thread is left to unpark it");
    }

    @Test
    void aHangReportSaysWhichThreadsCanRun() {
        int site = Sites.register("com.example.Spin", "run", "Spin.java", 5, "read Spin.flag");
        ManagedThread spinning = thread();
        spinning.lastSite = site;
        ManagedThread parked = thread();
        block(parked, new Blocker.Park(null, Blocker.NO_DEADLINE, false, false));

        assertThat(model.describeHang(List.of(), 100)).isEqualTo("the schedule passed its bound of 100 scheduling "
                + "points (interleave.maxSteps) without finishing: a livelock, or a thread that waits for something"
                + " that never happens."
                + "\n  thread 0 (t0) can run, last at Spin.run(Spin.java:5)"
                + "\n  thread 1 (t1) is parked (LockSupport.park) and no thread is left to unpark it");
    }
}
