package dev.interleave.instrumentation;

import dev.interleave.bridge.Bridge;
import net.bytebuddy.asm.Advice;

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

    static final class IsInterrupted {

        private IsInterrupted() {
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Thread self, @Advice.Return(readOnly = false) boolean interrupted) {
            interrupted = Bridge.isInterrupted(self, interrupted);
        }
    }
}
