package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.FieldIdentities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accesses conflict on the field they reach, named by its declaring class: EXHAUSTIVE finds the races between a
 * superclass's method and a subclass's, and tells apart classes of one name in two packages.
 */
class FieldIdentityTests {

    @ParameterizedTest
    @ValueSource(strings = {"lostUpdateThroughASubclass", "lostUpdateOfAStaticThroughASubclass"})
    void aFieldReachedThroughASubclassIsTheSuperclassField(String program) {
        EngineRuns run = EngineRuns.run(FieldIdentities.class, program, "interleave.strategy", "EXHAUSTIVE");

        assertThat(run.passed()).as("%s: %s", run.entries, run.result).isFalse();
        assertThat(run.failure().kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
    }

    @Test
    void classesOfOneNameInTwoPackagesHaveFieldsOfTheirOwn() {
        EngineRuns run = EngineRuns.run(FieldIdentities.class, "sameNamedClassesInTwoPackages",
                "interleave.strategy", "EXHAUSTIVE");

        assertThat(run.passed()).as("%s", run.result).isTrue();
        assertThat(run.entries).containsEntry("interleave.coverage", "its only interleaving explored");
    }
}
