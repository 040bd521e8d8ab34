package dev.interleave;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a test method that Interleave runs many times, each time under a different schedule: only one of the
 * test's threads runs at a time, and at every shared access and synchronization the scheduler picks which thread
 * goes next. The first schedule that fails (an exception or assertion in any of the test's threads, a deadlock, a
 * hang) fails the test, with the interleaving that led there.
 *
 * <p>The method must be non-private, non-static, take no parameters and return {@code void}; a fresh instance of
 * its class is created for every schedule.
 *
 * <p>Every attribute can be overridden without editing code by a JUnit Platform configuration parameter (a system
 * property or an entry in {@code junit-platform.properties}) of the attribute's name: {@code interleave.schedules},
 * {@code interleave.strategy}, {@code interleave.seed}, {@code interleave.maxSteps}, {@code interleave.replay},
 * {@code interleave.pctDepth}, {@code interleave.maxPreemptions}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ConcurrencyTest {

    /** How many schedules to explore at most; exploration stops at the first failing one. */
    int schedules() default 1000;

    /**
     * How the scheduler chooses the next thread; see {@link Strategy}. The default, {@link Strategy#PORTFOLIO},
     * rotates POS, SURW, PCT and RANDOM over the schedules, and found every buggy sample of the project's strategy
     * benchmark that any single strategy found.
     */
    Strategy strategy() default Strategy.PORTFOLIO;

    /**
     * The seed of the exploration: the same seed runs the same schedules, in the same order, on any machine. Empty
     * means a fresh random seed, printed with every failure so that it can be given here or as
     * {@code -Dinterleave.seed=...}.
     */
    String seed() default "";

    /** How many scheduling points one schedule may pass before it is reported as a livelock or hang. */
    int maxSteps() default 1_000_000;

    /**
     * A schedule file to replay instead of exploring, or a folder: every schedule file of this test in it. Each is
     * replayed exactly, and fails the test again if its bug is still there.
     */
    String replay() default "";

    /**
     * For {@link Strategy#PCT}: the depth of the bugs each schedule targets, the number of ordering constraints between
     * threads a bug needs (each schedule gets {@code pctDepth - 1} priority change points). Most bugs have depth 1 to
     * 3.
     */
    int pctDepth() default 3;

    /**
     * For {@link Strategy#EXHAUSTIVE}: the most preemptions (switches away from a thread that could have gone on) a
     * schedule may have; {@code -1} for any number, which explores with partial-order reduction and, when it finishes,
     * proves the test. A bound of 2 or 3 finds most bugs of larger tests.
     */
    int maxPreemptions() default -1;
}
