package dev.interleave.scheduler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.bridge.AccessKind;
import dev.interleave.bridge.Bridge;
import dev.interleave.bridge.Sites;
import dev.interleave.strategy.LeftRecordedPath;
import dev.interleave.strategy.SchedulePruned;
import dev.interleave.strategy.SchedulingStrategy;
import dev.interleave.strategy.StepListener;

/**
 * Runs one schedule: exactly one managed thread runs at a time, and at every scheduling point the strategy picks
 * which enabled thread goes next. Blocking (monitors, {@code wait}, {@code join}) is modelled, so no managed thread
 * ever blocks in the JVM while the schedule decides; time is virtual. When no thread can run but some have not
 * finished, that is a deadlock; past its step bound, a hang. Either way, and on the first exception in any thread,
 * the schedule is abandoned and every managed thread unwound before {@link #run} returns.
 */
public final class Scheduler {

    private static final long SPIN_NANOS = 20_000;
    private static final long GRACE_MILLIS = 200;
    private static final int MIN_LOOKS = 10;
    private static final long ENGINE_SPIN_NANOS = 1_000_000;
    /**
     * How many steps threads that are not daemons may take after the test method returned: a JVM would not exit
     * before they end, so one still running then is reported rather than explored up to {@code maxSteps}.
     */
    static final int LEFTOVER_STEPS = 10_000;
    /** The configuration key of the watchdog's bound, named in its reports. */
    private static final String WATCHDOG_KEY = "interleave.watchdog.millis";

    private final SchedulingStrategy strategy;
    private final ScheduleLimits limits;
    private final List<ManagedThread> threads = new ArrayList<>();
    /** The same threads, for the loops of every step (see {@link ThreadTable}). */
    private final ThreadTable table = new ThreadTable();
    private final Map<Thread, ManagedThread> byThread = new IdentityHashMap<>();
    private final Monitors monitors = new Monitors();
    private final LockHolds lockHolds = new LockHolds();
    private final Trace trace = new Trace();
    private final Choices choices = new Choices(table);
    private final BlockingModel blocking;
    private final StepListener listener;

    private volatile ManagedThread current;
    private volatile boolean aborted;
    private volatile boolean finished;
    private volatile long steps;
    private boolean timedOut;
    private ScheduleFailure failure;
    private Thread engineThread;
    private TestThread testThread;
    private int unfinished;
    private final VirtualClock clock = new VirtualClock();
    private final IdentityHashes identityHashes = new IdentityHashes();
    private int decisions;
    private ScheduleRecording recording;
    /** The values of the steps, captured only for a schedule whose trace is shown; null otherwise. */
    private StepValues values;
    private ExpectedTrace expected;
    private String divergence;
    /** The bridge's slot for this scheduler, which names the thread it lets run; -1 without one. */
    private int slot = -1;
    /** Whether this scheduler has asked the bridge to let all its threads reach their events ({@link Bridge#widen}). */
    private boolean widened;
    /** The strategy found this schedule could only repeat explored ones: it was stopped, neither passed nor failed. */
    private boolean pruned;
    /** Threads that would not stop when the schedule was abandoned: no later schedule waits for them. */
    private final List<ManagedThread> leftRunning = new ArrayList<>();
    /** The step at which thread 0 ended (the test method and its lifecycle methods returned), or -1. */
    private long testEndedAt = -1;
    /** The daemon threads stopped because they were all that was left once thread 0 ended, as the JVM stops them. */
    private final List<String> daemonsStopped = new ArrayList<>();
    /** A hash of every step's thread, kind and site: schedules with equal fingerprints ran the same interleaving. */
    private long fingerprint = 0xcbf29ce484222325L;
    private Consumer<Class<?>> initializedClasses;
    private static final StackWalker CLASS_WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    public Scheduler(SchedulingStrategy strategy, ScheduleLimits limits) {
        this.strategy = strategy;
        this.limits = limits;
        this.listener = strategy.listener();
        this.blocking = new BlockingModel(threads, monitors, lockHolds, clock, this::pickWaiter);
    }

    /** Records the schedule's decisions and the fingerprint of its events into {@code recording}. */
    public Scheduler recordingInto(ScheduleRecording recording) {
        this.recording = recording;
        return this;
    }

    /**
     * Captures what each shared access of this schedule reads or writes, for a schedule whose trace a user is shown:
     * see {@link StepValues}. It adds no step and changes no decision.
     */
    public Scheduler capturingValues() {
        this.values = new StepValues();
        return this;
    }

    /**
     * Tells {@code listener} of every class whose static initializer a managed thread of this schedule runs, right
     * after it ran and before any other code sees the class: the state a schedule in a fresh JVM would start from.
     */
    public Scheduler whenClassInitialized(Consumer<Class<?>> listener) {
        this.initializedClasses = listener;
        return this;
    }

    /**
     * Whether a wait the application asked for ({@code Object.wait}, {@code LockSupport.park}) may end without a
     * notify or unpark, as the JVM allows: a choice of the strategy at each thread's first such wait.
     */
    public Scheduler spuriousWakeups(boolean allowed) {
        blocking.allowSpuriousWakeups(allowed);
        return this;
    }

    /**
     * Checks every step against {@code expected}, the trace of a recorded schedule this one replays: the first step
     * that differs abandons the schedule, and the outcome says where it left the recorded path.
     */
    public Scheduler replaying(ExpectedTrace expected) {
        this.expected = expected;
        if (recording == null) {
            recording = new ScheduleRecording();
        }
        return this;
    }

    /**
     * Runs {@code body} on {@code testThread} as thread 0 of a new schedule and returns once every managed thread
     * has left the code under test. Called by the engine on a thread of its own, which is never managed. After a failure every managed thread has been unwound and has ended; after
     * a success they may still be exiting in the JVM: {@link ScheduleOutcome#awaitThreadsExited()} waits for that.
     */
    public ScheduleOutcome run(TestThread testThread, Runnable body) throws InterruptedException {
        engineThread = Thread.currentThread();
        this.testThread = testThread;
        ManagedThread first;
        synchronized (this) {
            first = register(testThread.thread());
        }
        slot = Bridge.activate();
        Bridge.running(slot, first.thread);
        current = first;
        try {
            testThread.launch(first, body);
            superviseUntilDone();
            if (aborted) {
                blocking.io().closeLeftovers(); // a thread blocked in a real read or accept ends with its socket
            }
            List<String> leaked = aborted ? unwind() : List.of();
            if (expected != null && !aborted && divergence == null && trace.size() < expected.steps()) {
                divergence = expected.missing(trace.size() + 1);
            }
            return new ScheduleOutcome(divergence == null ? failure : null, timedOut, trace.kept(), trace.size(),
                    threadNames(), steps, decisions, leaked, realThreads(), recording, divergence, pruned, fingerprint)
                    .withDaemonsStopped(daemonsStopped()).withTestThreadLeftRunning(testThreadLeftRunning());
        } finally {
            blocking.io().closeLeftovers();
            for (ManagedThread thread : threads) {
                Bridge.forget(thread.thread);
            }
            synchronized (this) {
                if (widened) {
                    widened = false;
                    Bridge.narrow();
                }
            }
            Bridge.deactivate(slot);
        }
    }

    // ---- supervision, on the engine's thread -------------------------------------------------------------------

    /**
     * Waits for the schedule to end, watching for what the model cannot see: the running thread blocked in code the
     * scheduler does not manage, or running for long without reaching a scheduling point. Only a state seen at every
     * look for the whole bound counts, so a pause of this thread (a GC, a loaded machine) or a hand-off caught
     * mid-way never does.
     */
    private void superviseUntilDone() {
        long seenSteps = -1;
        ManagedThread seenThread = null;
        Thread.State seenState = null;
        long since = System.nanoTime();
        int looks = 0;
        // Most schedules end within a millisecond: waiting for that on the spare core saves the wake-up a park
        // costs. Only managed threads run meanwhile, one at a time, so the other core is free.
        long spinUntil = System.nanoTime() + ENGINE_SPIN_NANOS;
        while (!finished && !aborted && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        while (!finished && !aborted) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(20));
            ManagedThread running = current;
            long now = System.nanoTime();
            if (limits.isPast(now)) {
                stopForDeadline();
                break;
            }
            long stepsNow = steps;
            Thread.State state = running == null || running.parked ? null : running.thread.getState();
            if (stepsNow != seenSteps || running != seenThread || state != seenState || state == null) {
                seenSteps = stepsNow;
                seenThread = running;
                seenState = state;
                since = now;
                looks = 0;
                continue;
            }
            if (++looks < MIN_LOOKS) {
                continue; // one look after a long pause of this thread proves nothing
            }
            long unchanged = now - since;
            boolean blocked = state == Thread.State.BLOCKED || state == Thread.State.WAITING
                    || state == Thread.State.TIMED_WAITING;
            if (blocked && unchanged > limits.blockedNanos()) {
                fail(new ScheduleFailure(ConcurrencyFailure.Kind.UNMANAGED_BLOCKING, running.id, null,
                        running + " is blocked (" + state + ") in code the scheduler does not manage, so no other "
                                + "thread can run:" + StackTraces.format(running.thread.getStackTrace(), 12)
                                + othersOutsideTheirGates(running)));
            } else if (state == Thread.State.TERMINATED && unchanged > limits.blockedNanos()) {
                fail(new ScheduleFailure(ConcurrencyFailure.Kind.UNMANAGED_BLOCKING, running.id, null,
                        running + " ended outside the scheduler's view (was it stopped by the JVM?)"));
            } else if (running.outsideIo != null && unchanged > limits.stallNanos()) {
                fail(new ScheduleFailure(ConcurrencyFailure.Kind.HANG, running.id, null,
                        running + " " + running.outsideIo + " for " + TimeUnit.NANOSECONDS.toMillis(unchanged)
                                + " ms: no thread of the test can end that call, so it was left to the outside of the"
                                + " test (a client or server that the test did not start), which did not end it"
                                + " either; the bound is -D" + WATCHDOG_KEY + "=" + TimeUnit.NANOSECONDS.toMillis(
                                limits.stallNanos()) + ":" + StackTraces.format(running.thread.getStackTrace(), 12)));
            } else if (state == Thread.State.RUNNABLE && unchanged > limits.stallNanos()) {
                fail(new ScheduleFailure(ConcurrencyFailure.Kind.HANG, running.id, null,
                        running + " ran for " + TimeUnit.NANOSECONDS.toMillis(unchanged) + " ms without reaching a "
                                + "scheduling point (a loop over state that is not shared, or work inside the JDK; "
                                + "the bound is -D" + WATCHDOG_KEY + "=" + TimeUnit.NANOSECONDS.toMillis(
                                limits.stallNanos()) + "):" + StackTraces.format(running.thread.getStackTrace(), 12)
                                + "\nA thread that never reaches a scheduling point cannot be stopped: if it does "
                                + "not end by itself, it is left running in this JVM, and the next tests run without "
                                + "it."));
            }
        }
    }

    /**
     * Stops every managed thread that is still alive; returns the names of any that would not stop. Threads at a
     * gate or in a modelled wait see the abort at once; a thread blocked where the scheduler cannot see it gets an
     * interrupt after a short grace period.
     */
    private List<String> unwind() throws InterruptedException {
        List<ManagedThread> all;
        synchronized (this) {
            all = new ArrayList<>(threads);
        }
        for (ManagedThread thread : all) {
            LockSupport.unpark(thread.thread);
            Object monitor = thread.realWaitMonitor;
            if (monitor != null) {
                notifyFromAside(monitor);
            }
        }
        long deadline = System.nanoTime() + limits.unwindNanos();
        List<String> leaked = new ArrayList<>();
        if (!testThread.awaitIdle(GRACE_MILLIS)) {
            testThread.thread().interrupt();
            if (!testThread.awaitIdle(limits.unwindMillis())) {
                leaked.add(all.get(0) + StackTraces.format(testThread.thread().getStackTrace(), 8));
                synchronized (this) {
                    leftRunning.add(all.get(0));
                }
            }
        }
        for (ManagedThread thread : all.subList(1, all.size())) {
            if (thread.thread.getState() == Thread.State.NEW) {
                continue;
            }
            thread.thread.join(GRACE_MILLIS);
            if (thread.thread.isAlive()) {
                thread.thread.interrupt();
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                thread.thread.join(Math.max(1, left));
            }
            if (thread.thread.isAlive()) {
                leaked.add(thread + StackTraces.format(thread.thread.getStackTrace(), 8));
                synchronized (this) {
                    leftRunning.add(thread);
                }
            }
        }
        return leaked;
    }

    /** The stacks of the schedule's other threads that are alive and not waiting for their turn. */
    private String othersOutsideTheirGates(ManagedThread running) {
        StringBuilder text = new StringBuilder();
        List<ManagedThread> all;
        synchronized (this) {
            all = new ArrayList<>(threads);
        }
        for (ManagedThread thread : all) {
            if (thread != running && !thread.parked && thread.thread.isAlive()) {
                text.append("\n").append(thread).append(" is ").append(thread.thread.getState())
                        .append(thread.finished ? " after it ended" : "").append(':')
                        .append(StackTraces.format(thread.thread.getStackTrace(), 8));
            }
        }
        return text.toString();
    }

    /**
     * Wakes the threads waiting in {@code monitor} from a thread of its own: the monitor may still be held by a
     * thread that is unwinding, and the engine must never wait for a monitor of the code under test.
     */
    private static void notifyFromAside(Object monitor) {
        Thread notifier = new Thread(() -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }, "interleave-unwind");
        notifier.setDaemon(true);
        notifier.start();
    }

    // ---- scheduling points, on the running managed thread ------------------------------------------------------

    /**
     * A scheduling point of {@code self}, which waits for {@code blocker} ({@link Blocker#NONE} when it only lets
     * the strategy choose) before its next operation: returns when {@code blocker} is enabled and the strategy has
     * chosen {@code self} to go on, with the blocker as it stood then (a wait's blocker says how it ended). Throws
     * {@link ScheduleAbortedError} when the schedule is abandoned meanwhile.
     */
    Blocker point(ManagedThread self, Blocker blocker, int site) {
        if (aborted) {
            checkNotAborted();
            return blocker; // set aside inside a static initializer: it runs on unscheduled
        }
        self.applyDeferredInterrupts();
        self.outsideIo = null;
        self.waits.blocker = blocker;
        self.lastSite = site;
        ManagedThread next = decide(self);
        if (next == null) {
            checkNotAborted();
            return unblock(self);
        }
        if (next != self) {
            Object monitor = self.parkingMonitor();
            if (monitor == null) {
                switchTo(next);
                awaitTurn(self);
            } else {
                awaitTurnInMonitor(self, next, monitor);
            }
        }
        return unblock(self);
    }

    /** {@code self} is chosen to go on: returns what it waited for, and it waits no more. */
    private static Blocker unblock(ManagedThread self) {
        Blocker ended = self.waits.blocker;
        self.waits.blocker = Blocker.NONE;
        return ended;
    }

    /**
     * {@code self} released {@code monitor} in {@code wait()}: it waits in the real monitor until {@code blocker}
     * (a {@link Blocker.WaitReturn}) is enabled and it is chosen; returns the blocker as it stood then.
     */
    Blocker waitInMonitor(ManagedThread self, Blocker blocker, Object monitor, int site) {
        if (aborted) {
            checkNotAborted();
            return blocker; // set aside inside a static initializer: the wait ends as a spurious wake-up would
        }
        self.waits.blocker = blocker;
        self.lastSite = site;
        ManagedThread next = decide(self);
        if (next == null) {
            checkNotAborted();
            return unblock(self);
        }
        if (next != self) {
            // The thread holds the monitor (wait() is called inside synchronized): waiting on it releases it for
            // real, so the next thread can take it
            awaitTurnInMonitor(self, next, monitor);
        }
        return unblock(self);
    }

    /**
     * Hands the turn to {@code next} and waits for this thread's next turn in {@code monitor}, which this thread holds
     * in the JVM: waiting lets it go, so a thread that enters a synchronized method on it from code that is not
     * rewritten does not block in the JVM (the model blocks it instead). It wakes only when a hand-off (or an abort)
     * notifies it: a thread that woke by itself could take the monitor while the thread handing over waits for it.
     */
    private void awaitTurnInMonitor(ManagedThread self, ManagedThread next, Object monitor) {
        self.realWaitMonitor = monitor;
        switchTo(next);
        boolean interrupted = false;
        self.parked = true;
        synchronized (monitor) {
            while (current != self && !aborted) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                    self.heldInterrupt = true;
                }
            }
        }
        self.parked = false;
        self.realWaitMonitor = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
            self.heldInterrupt = false;
        }
        checkNotAborted();
    }

    /** A newly started thread waits here, at the start of its {@code run()}, until it is first chosen. */
    void awaitFirstTurn(ManagedThread self) {
        awaitTurn(self);
        self.waits.blocker = Blocker.NONE;
    }

    /**
     * {@code self} ended, with the exception that no uncaught-exception handler took, if any, and words on the
     * handler's own exception, if it threw one.
     */
    void threadEnded(ManagedThread self, Throwable uncaught, String handlerFailure) {
        synchronized (this) {
            self.finished = true;
            unfinished--;
        }
        blocking.progressed();
        if (aborted) {
            wakeEngine();
            return;
        }
        if (uncaught != null && !ScheduleAbortedError.isIn(uncaught)) {
            self.announce(self.thread, Operations.ENDED, Operations.RELEASE);
            record(self, OpKind.END, null, self.lastSite, null, -1, "threw " + uncaught.getClass().getSimpleName());
            fail(new ScheduleFailure(ConcurrencyFailure.Kind.EXCEPTION, self.id, uncaught, handlerFailure));
            wakeEngine();
            return;
        }
        self.announce(self.thread, Operations.ENDED, Operations.RELEASE);
        record(self, OpKind.END, null, self.lastSite, null, -1, null);
        if (unfinished == 0) {
            finished = true;
            wakeEngine();
            return;
        }
        if (self.id == 0) {
            testEndedAt = steps;
        }
        if (table.get(0).finished && onlyDaemonsLeft()) {
            stopDaemons();
            return;
        }
        ManagedThread next = decide(self);
        if (next != null) {
            switchTo(next);
        }
    }

    /** Whether every thread that has not finished is a daemon thread, which a JVM does not wait for. */
    private boolean onlyDaemonsLeft() {
        for (int id = 0; id < table.size(); id++) {
            ManagedThread thread = table.get(id);
            if (!thread.finished && !thread.thread.isDaemon()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every thread that has not finished, none of which can run, is a daemon or a worker waiting for tasks of
     * a pool the test never shut down: JUnit's launchers end the JVM when the tests are done, and such a worker only
     * leaks, on a real JVM as here.
     */
    private boolean onlyDaemonsAndIdleWorkersLeft() {
        for (ManagedThread thread : threads) {
            if (!thread.finished && !thread.thread.isDaemon() && !BlockingModel.isIdlePoolWorker(thread)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The test method returned and only daemon threads (or idle workers of a pool never shut down) are left: as on a
     * JVM that exits, they are stopped, and the schedule ends without a verdict of theirs.
     */
    private synchronized void stopDaemons() {
        for (ManagedThread thread : threads) {
            if (!thread.finished) {
                daemonsStopped.add(thread.thread.isDaemon() ? thread.toString()
                        : thread + ", idle in a thread pool that was never shut down");
            }
        }
        abort();
        wakeEngine();
    }

    private synchronized boolean testThreadLeftRunning() {
        return !threads.isEmpty() && leftRunning.contains(threads.get(0));
    }

    private synchronized List<String> daemonsStopped() {
        return List.copyOf(daemonsStopped);
    }

    /** Why threads that are not daemons and still run after the test method returned make a failure. */
    private String describeLeftovers() {
        StringBuilder text = new StringBuilder("the test method returned (thread 0 ended) ").append(LEFTOVER_STEPS)
                .append(" scheduling points ago, but threads that are not daemon threads are still running, and a "
                        + "JVM does not exit before they end:");
        for (ManagedThread thread : threads) {
            if (!thread.finished) {
                text.append("\n  ").append(thread).append(", last at ")
                        .append(Sites.get(thread.lastSite).location());
            }
        }
        return text.append("\nJoin or stop them before the test method returns, or, if they may be abandoned, make "
                + "them daemon threads (setDaemon(true)).").toString();
    }

    private void wakeEngine() {
        LockSupport.unpark(engineThread);
    }

    /** The next thread to run, or null when the schedule has failed (deadlock, hang). */
    private ManagedThread decide(ManagedThread self) {
        if (values != null) {
            values.settle(); // before any other thread may run
        }
        long step = steps + 1;
        steps = step;
        if (step > limits.maxSteps()) {
            fail(new ScheduleFailure(ConcurrencyFailure.Kind.HANG, -1, null,
                    blocking.describeHang(trace.kept(), limits.maxSteps())));
            return null;
        }
        if (testEndedAt >= 0 && step - testEndedAt > LEFTOVER_STEPS) {
            fail(new ScheduleFailure(ConcurrencyFailure.Kind.HANG, -1, null, describeLeftovers()));
            return null;
        }
        int count = choices.collect(blocking);
        if (count == 0) {
            ManagedThread outside = blocking.releaseToOutside();
            if (outside != null) {
                return outside;
            }
            ManagedThread woken = blocking.fireEarliestTimeout();
            if (woken != null) {
                return woken;
            }
            if (threads.get(0).finished && onlyDaemonsAndIdleWorkersLeft()) {
                stopDaemons();
                return null;
            }
            fail(new ScheduleFailure(ConcurrencyFailure.Kind.DEADLOCK, -1, null,
                    blocking.describeDeadlock(trace.kept())));
            return null;
        }
        blocking.runnable(count, choices.thread(0));
        boolean selfEnabled = !self.finished && blocking.isEnabled(self);
        if (selfEnabled && self.holdsUnmodelledLock()) {
            return self;
        }
        if (count == 1) {
            return table.get(choices.thread(0));
        }
        decisions++;
        choices.at(self.id, selfEnabled, step);
        int chosen;
        try {
            chosen = strategy.pickThread(choices);
        } catch (LeftRecordedPath offPath) {
            diverge("at step " + (trace.size() + 1) + ": " + offPath.getMessage());
            return null;
        } catch (SchedulePruned redundant) {
            prune();
            return null;
        }
        if (recording != null) {
            recording.decision(chosen);
        }
        return table.get(chosen);
    }

    /** The model of the schedule's sockets, channels and selectors. */
    IoModel io() {
        return blocking.io();
    }

    private void switchTo(ManagedThread next) {
        Bridge.running(slot, next.thread);
        Object monitor = next.realWaitMonitor;
        if (monitor == null) {
            current = next;
            LockSupport.unpark(next.thread);
            return;
        }
        // The turn is handed over inside the monitor: a waiter that some earlier notifyAll woke can only see that
        // it is its turn once this thread has let the monitor go, so this thread never waits for a waiter that ran on.
        synchronized (monitor) {
            current = next;
            monitor.notifyAll();
        }
    }

    private void awaitTurn(ManagedThread self) {
        boolean interrupted = false;
        self.parked = true;
        // A hand-off back to this thread often follows within microseconds: spinning that long is far cheaper than
        // a round trip through the OS scheduler. Only the thread that just handed off spins, so one core at most.
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (current != self && !aborted && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        while (current != self && !aborted) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true; // kept for the code under test, restored below
                self.heldInterrupt = true;
            }
        }
        self.parked = false;
        if (interrupted) {
            Thread.currentThread().interrupt();
            self.heldInterrupt = false;
        }
        checkNotAborted();
    }

    void notifyWaiters(ManagedThread self, Object monitor, boolean all, int site) {
        record(self, OpKind.NOTIFY, null, site, monitor, -1, blocking.notifyWaiters(monitor, all));
    }

    /** See {@link BlockingModel#timesOutEarly}; never once the schedule is abandoned. */
    boolean timesOutEarly(ManagedThread self, long timeoutNanos) {
        return !aborted && blocking.timesOutEarly(self, timeoutNanos);
    }

    private int pickWaiter(int count) {
        if (count == 1) {
            return 0;
        }
        int choice;
        try {
            choice = strategy.pickWaiter(count);
        } catch (LeftRecordedPath offPath) {
            diverge("at step " + (trace.size() + 1) + ": " + offPath.getMessage());
            checkNotAborted();
            return 0;
        } catch (SchedulePruned redundant) {
            prune();
            checkNotAborted();
            return 0;
        }
        if (recording != null) {
            recording.decision(choice);
        }
        return choice;
    }

    // ---- the model's bookkeeping -----------------------------------------------------------------------------

    synchronized ManagedThread register(Thread thread) {
        ManagedThread managed = new ManagedThread(threads.size(), thread, this);
        threads.add(managed);
        table.add(managed);
        byThread.put(thread, managed);
        unfinished++;
        return managed;
    }

    synchronized ManagedThread managed(Thread thread) {
        return byThread.get(thread);
    }

    Monitors monitors() {
        return monitors;
    }

    LockHolds lockHolds() {
        return lockHolds;
    }

    BlockingModel blocking() {
        return blocking;
    }

    List<ManagedThread> threads() {
        return threads;
    }

    List<TraceEvent> trace() {
        return trace.kept();
    }

    int maxSteps() {
        return limits.maxSteps();
    }

    void record(ManagedThread thread, OpKind kind, AccessKind access, int site, Object target, int index,
            String detail) {
        if (aborted) {
            return; // what unwinding threads do is not part of the schedule, and would differ from run to run
        }
        int step = trace.size() + 1;
        TraceEvent taken = new TraceEvent(step, thread.id, kind, access, site, target, index, detail);
        trace.add(taken);
        if (values != null) {
            values.settle();
            values.recorded(taken);
        }
        fingerprint = (fingerprint ^ ((long) site << 32 | (long) thread.id << 16 | kind.ordinal() << 8
                | (access == null ? 0xff : access.ordinal()))) * 0x100000001b3L;
        if (listener != null) {
            listener.step(thread.id, thread.opTarget, thread.opLocation, thread.opFlags & Operations.KIND,
                    (thread.opFlags & Operations.GLOBAL) != 0, site);
        }
        if (recording != null) {
            long event = recording.event(thread.id, kind, access, site);
            if (expected != null) {
                String difference = expected.check(step, event);
                if (difference != null) {
                    diverge(difference);
                }
            }
        }
    }

    /** The call {@code thread} took as a step at {@code site} returned {@code returned}. */
    void returned(ManagedThread thread, int site, Object returned) {
        if (values != null && !aborted) {
            values.returned(thread.id, site, returned);
        }
    }

    /**
     * {@code thread} changed state that no step records, but that the order of steps decides: the virtual clock,
     * which every read moves on, or the numbering of identity hashes. Strategies that tell orders apart hear of it.
     */
    void hiddenStep(ManagedThread thread, Object state) {
        if (listener != null && !aborted) {
            listener.step(thread.id, state, Operations.OWN, Operations.WRITE, false, Sites.UNKNOWN);
        }
    }

    /** A managed thread is about to leave a class's static initializer, whose frame is on its stack. */
    void classInitialized() {
        Consumer<Class<?>> listener = initializedClasses;
        if (listener == null) {
            return;
        }
        CLASS_WALKER.walk(frames -> frames.filter(frame -> frame.getMethodName().equals("<clinit>")).findFirst())
                .ifPresent(frame -> listener.accept(frame.getDeclaringClass()));
    }

    long deadlineAfter(long nanos) {
        return clock.deadlineAfter(nanos);
    }

    void advanceClockTo(long nanos) {
        clock.advanceTo(nanos);
    }

    VirtualClock clock() {
        return clock;
    }

    IdentityHashes identityHashes() {
        return identityHashes;
    }

    boolean isAborted() {
        return aborted;
    }

    /**
     * Unwinds the calling managed thread with {@link ScheduleAbortedError} once the schedule is abandoned, unless a
     * static initializer runs on its stack: then it returns, and the thread runs on as code no test manages until
     * it has left every initializer (see {@link Bridge#setAsideInInitializer()}), so that no class is left broken
     * for the tests that follow.
     */
    void checkNotAborted() {
        if (aborted && !Bridge.setAsideInInitializer()) {
            throw new ScheduleAbortedError();
        }
    }

    /** The strategy gave the schedule up as redundant: it is abandoned, neither passed nor failed. */
    private synchronized void prune() {
        if (failure == null && divergence == null) {
            pruned = true;
        }
        abort();
        LockSupport.unpark(engineThread);
    }

    /** The exploration ran out of time: the schedule is abandoned, but it did not fail. */
    private synchronized void stopForDeadline() {
        if (failure == null) {
            timedOut = true;
        }
        abort();
    }

    /**
     * Abandons the schedule: every managed thread, running or not, must now reach its events, which unwind it. The
     * bridge is told before the volatile write that the threads read.
     */
    private void abort() {
        widen();
        aborted = true;
    }

    private synchronized void widen() {
        if (!widened) {
            widened = true;
            Bridge.widen();
        }
    }

    /** A thread the JDK started for a managed one may run test code at any time: its hooks must be reached. */
    void foreignThreadStarted() {
        widen();
    }

    /** {@code thread} tried to end the JVM with {@code call}: the schedule fails with that as the thread's exception. */
    void failOnExit(ManagedThread thread, String call) {
        record(thread, OpKind.END, null, thread.lastSite, null, -1, "called " + call);
        fail(new ScheduleFailure(ConcurrencyFailure.Kind.EXCEPTION, thread.id,
                new JvmExitRefused(thread.toString(), call), null));
    }

    void failOnUnmanagedThread(ManagedThread starter, String what) {
        fail(new ScheduleFailure(ConcurrencyFailure.Kind.UNMANAGED_THREAD, starter.id, null, starter + " " + what));
    }

    /** A replay left its recording's path: the schedule stops, and reports where instead of a failure. */
    private synchronized void diverge(String difference) {
        if (failure == null && divergence == null) {
            divergence = difference;
        }
        abort();
        LockSupport.unpark(engineThread);
    }

    private synchronized void fail(ScheduleFailure scheduleFailure) {
        if (failure == null && divergence == null) {
            failure = scheduleFailure;
        }
        abort();
        LockSupport.unpark(engineThread);
    }

    /**
     * The threads the schedule started that have stopped or will (thread 0 lives on for the next schedule; a thread
     * left running is waited for by no one).
     */
    private synchronized List<Thread> realThreads() {
        List<Thread> result = new ArrayList<>();
        for (ManagedThread thread : threads.subList(1, threads.size())) {
            if (!leftRunning.contains(thread)) {
                result.add(thread.thread);
            }
        }
        return result;
    }

    private synchronized List<String> threadNames() {
        List<String> names = new ArrayList<>();
        for (ManagedThread thread : threads) {
            names.add(thread.thread.getName());
        }
        return names;
    }
}
