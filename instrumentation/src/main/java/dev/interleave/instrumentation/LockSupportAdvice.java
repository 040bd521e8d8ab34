package dev.interleave.instrumentation;

import dev.interleave.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into {@code java.util.concurrent.locks.LockSupport}: every {@code java.util.concurrent} blocking
 * (locks, conditions, latches, queues, futures) parks through it, so modelling park and unpark puts all of it under
 * the scheduler. For a managed thread the advice skips the JDK's own code; for any other thread it changes nothing.
 */
final class LockSupportAdvice {

    private LockSupportAdvice() {
    }

    static final class Park {
        private Park() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter() {
            return Bridge.park(null);
        }
    }

    static final class ParkBlocker {
        private ParkBlocker() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.Argument(0) Object blocker) {
            return Bridge.park(blocker);
        }
    }

    static final class ParkNanos {
        private ParkNanos() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.Argument(0) long nanos) {
            return Bridge.parkNanos(null, nanos);
        }
    }

    static final class ParkNanosBlocker {
        private ParkNanosBlocker() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.Argument(0) Object blocker, @Advice.Argument(1) long nanos) {
            return Bridge.parkNanos(blocker, nanos);
        }
    }

    static final class ParkUntil {
        private ParkUntil() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.Argument(0) long deadline) {
            return Bridge.parkUntil(null, deadline);
        }
    }

    static final class ParkUntilBlocker {
        private ParkUntilBlocker() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.Argument(0) Object blocker, @Advice.Argument(1) long deadline) {
            return Bridge.parkUntil(blocker, deadline);
        }
    }

    static final class Unpark {
        private Unpark() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.Argument(0) Thread thread) {
            return Bridge.unpark(thread);
        }
    }
}
