package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import dev.interleave.fixtures.ExhaustivePrograms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXHAUSTIVE with partial-order reduction skips schedules that only reorder independent steps; it must never skip an
 * outcome. Each program is explored twice: with reduction, and schedule by schedule with a preemption bound (one that
 * no schedule of it reaches explores every schedule there is). Both explorations must end, and the reduced one must
 * reach every outcome the other reached.
 */
class PartialOrderReductionTests {

    private static final String EVERY_SCHEDULE = "1000";

    @ParameterizedTest
    @ValueSource(strings = {"storeBuffering", "readsAFieldTwice", "locksTakenInOppositeOrders", "waiterSeesAWriteMadeOutsideTheLock",
            "isAliveBeforeJoin", "ticketsFromAnAtomic", "locksDecideTheOutcomeAlone"})
    void reductionReachesEveryOutcomeThatSomeScheduleReaches(String program) {
        Exploration everySchedule = explore(program, "interleave.maxPreemptions", "1000");
        Exploration reduced = explore(program);

        assertThat(everySchedule.outcomes).as("the program has more than one outcome").hasSizeGreaterThan(1);
        assertThat(reduced.outcomes).isEqualTo(everySchedule.outcomes);
        assertThat(reduced.schedules).isLessThan(everySchedule.schedules);
    }

    /** Programs of three threads have too many schedules to run them all; those with two preemptions are enough. */
    @ParameterizedTest
    @ValueSource(strings = {"threeThreadsInARing", "twoWaitersShareTheItems", "consumersWaitInALoop"})
    void reductionReachesEveryOutcomeOfTheSchedulesWithFewPreemptions(String program) {
        Exploration fewPreemptions = explore(program, "interleave.maxPreemptions", "2");
        Exploration reduced = explore(program);

        assertThat(fewPreemptions.outcomes).as("the program has more than one outcome").hasSizeGreaterThan(1);
        assertThat(reduced.outcomes).containsAll(fewPreemptions.outcomes);
    }

    private static Exploration explore(String program, String... parameters) {
        ExhaustivePrograms.OUTCOMES.clear();
        String[] all = new String[parameters.length + 2];
        all[0] = "interleave.strategy";
        all[1] = "EXHAUSTIVE";
        System.arraycopy(parameters, 0, all, 2, parameters.length);
        EngineRuns run = EngineRuns.run(ExhaustivePrograms.class, program, all);
        assertThat(run.passed()).as("%s", run.result).isTrue();
        assertThat(run.entries.get("interleave.coverage")).as("the exploration ended").startsWith("all ");
        return new Exploration(new TreeSet<>(ExhaustivePrograms.OUTCOMES),
                Integer.parseInt(run.entries.get("interleave.schedules")));
    }

    private record Exploration(Set<String> outcomes, int schedules) {
    }
}
