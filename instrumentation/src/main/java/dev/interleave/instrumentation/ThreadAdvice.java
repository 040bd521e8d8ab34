package dev.interleave.instrumentation;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import dev.interleave.bridge.Bridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice inlined into {@code java.lang.Thread} and into application subclasses that override {@code run()}: a
 * managed thread waits for its first turn before its first instruction and tells the scheduler when it ends.
 */
final class ThreadAdvice {

    private ThreadAdvice() {
    }

    static final class Start {

        private Start() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Thread self) {
            Bridge.threadStarting(self);
        }
    }

    static final class Run {

        private Run() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This Thread self) {
            return Bridge.runEnter(self);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.This Thread self, @Advice.Thrown(readOnly = false) Throwable thrown) {
            thrown = Bridge.runExit(self, thrown);
        }
    }

    static final class Interrupt {

        private Interrupt() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Thread self) {
            Bridge.interrupting(self);
        }
    }

    /** On the entry points of {@code ForkJoinPool} and {@code ForkJoinTask} that hand a task to the pool's threads. */
    static final class HandOff {

        private HandOff() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) {
            Bridge.handingOff(self);
        }
    }

    /**
     * On {@code ForkJoinPool.execute(Runnable)}, through which {@code CompletableFuture} hands its asynchronous tasks
     * to the common pool when it is given no executor.
     */
    static final class HandOffRunnable {

        private HandOffRunnable() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This Object self, @Advice.Argument(0) Runnable task) {
            return Bridge.handingOff(self, task);
        }
    }

    /** On {@code CompletableFuture$DelayedExecutor.execute} up to JDK 24, whose delay is a count of a unit. */
    static final class DelayWithUnit {

        private DelayWithUnit() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.FieldValue("delay") long delay, @Advice.FieldValue("unit") TimeUnit unit,
                @Advice.FieldValue("executor") Executor executor, @Advice.Argument(0) Runnable task) {
            return Bridge.delaying(unit.toNanos(delay), executor, task);
        }
    }

    /** On {@code CompletableFuture$DelayedExecutor.execute} from JDK 25 on, whose delay is in nanoseconds. */
    static final class DelayInNanos {

        private DelayInNanos() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.FieldValue("nanoDelay") long nanoDelay,
                @Advice.FieldValue("executor") Executor executor, @Advice.Argument(0) Runnable task) {
            return Bridge.delaying(nanoDelay, executor, task);
        }
    }

    /** On {@code CompletableFuture.orTimeout(timeout, unit)}, which the JDK's delay scheduler would time. */
    static final class OrTimeout {

        private OrTimeout() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This Object self, @Advice.Argument(0) long timeout,
                @Advice.Argument(1) TimeUnit unit) {
            return Bridge.timingOut(self, timeout, unit, false, null);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Enter boolean taken,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
            if (taken) {
                returned = self;
            }
        }
    }

    /** On {@code CompletableFuture.completeOnTimeout(value, timeout, unit)}, as {@link OrTimeout}. */
    static final class CompleteOnTimeout {

        private CompleteOnTimeout() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This Object self, @Advice.Argument(0) Object value,
                @Advice.Argument(1) long timeout, @Advice.Argument(2) TimeUnit unit) {
            return Bridge.timingOut(self, timeout, unit, true, value);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Enter boolean taken,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
            if (taken) {
                returned = self;
            }
        }
    }

    static final class IsInterrupted {

        private IsInterrupted() {
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Thread self, @Advice.Return(readOnly = false) boolean interrupted) {
            interrupted = Bridge.isInterrupted(self, interrupted);
        }
    }
}
