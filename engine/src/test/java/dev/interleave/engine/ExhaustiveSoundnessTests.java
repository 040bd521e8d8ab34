package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * EXHAUSTIVE with reduction reaches every outcome of every schedule, on generated programs (see
 * {@link SoundnessCheck}). A fixed seed and a few dozen programs here; for many more, as a benchmark:
 * {@code mvn -pl engine -am verify -Dtest=ExhaustiveSoundnessTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsoundness.programs=2000 -Dsoundness.seed=7}.
 */
class ExhaustiveSoundnessTests {

    @Test
    void reductionReachesEveryOutcomeThatThePlainEnumerationReaches() {
        long seed = Long.getLong("soundness.seed", 1);
        int programs = Integer.getInteger("soundness.programs", 20);
        SoundnessCheck check = new SoundnessCheck(Integer.getInteger("soundness.budget", 300)).run(seed, programs);

        System.out.println("EXHAUSTIVE soundness, seed " + seed + ": " + check);
        check.mismatches.forEach(System.out::println);
        assertThat(check.mismatches).isEmpty();
        assertThat(check.compared).as("programs small enough to enumerate").isGreaterThanOrEqualTo(programs / 2);
    }
}
