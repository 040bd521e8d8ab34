package dev.interleave.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.generated.GeneratedPrograms;
import dev.interleave.fixtures.generated.Instruction;

/**
 * Runs generated programs twice through the engine, each time under EXHAUSTIVE: as a plain enumeration of every
 * schedule ({@code interleave.reduction=false}), and with partial-order reduction. Every outcome the enumeration
 * reaches (what each thread read or that it threw, the final values) the reduced exploration must reach, and a
 * deadlock the enumeration meets it must meet. Programs with more schedules than the budget are left out.
 */
final class SoundnessCheck {

    private final int budget;
    int programs;
    int compared;
    int tooLarge;
    int deadlocking;
    long plainSchedules;
    long reducedSchedules;
    int outcomes;
    final List<String> mismatches = new ArrayList<>();

    /** @param budget the most schedules a plain enumeration may take before its program is left out */
    SoundnessCheck(int budget) {
        this.budget = budget;
    }

    /** Generates and compares {@code count} programs from {@code seed}. */
    SoundnessCheck run(long seed, int count) {
        ProgramGenerator generator = new ProgramGenerator(seed);
        for (int i = 0; i < count; i++) {
            compare(generator.next());
        }
        return this;
    }

    private void compare(Instruction[] program) {
        programs++;
        Exploration plain = explore(program, "false");
        if (Boolean.getBoolean("soundness.verbose")) {
            System.out.println(Arrays.toString(program) + ": " + (plain == null ? "too large"
                    : plain.schedules + " schedules, outcomes " + plain.outcomes + (plain.failure == null ? ""
                    : ", " + plain.failure)));
        }
        if (plain == null) {
            tooLarge++;
            return;
        }
        Exploration reduced = explore(program, "true");
        compared++;
        plainSchedules += plain.schedules;
        outcomes += plain.outcomes.size();
        String text = Arrays.toString(program);
        if (reduced == null) {
            mismatches.add(text + ": the reduced exploration did not end within " + budget + " schedules");
            return;
        }
        reducedSchedules += reduced.schedules;
        if (plain.failure != null) {
            deadlocking++;
            if (reduced.failure != plain.failure) {
                mismatches.add(text + ": every schedule ends in " + plain.failure + ", the reduced exploration in "
                        + reduced.failure);
            }
        } else if (reduced.failure != null) {
            mismatches.add(text + ": no schedule fails, but the reduced exploration reported " + reduced.failure);
        } else if (!reduced.outcomes.containsAll(plain.outcomes)) {
            Set<String> missed = new TreeSet<>(plain.outcomes);
            missed.removeAll(reduced.outcomes);
            mismatches.add(text + ": the reduced exploration missed " + missed + " of " + plain.outcomes);
        }
    }

    /** The outcomes of one exploration, or null when it did not end within the budget. */
    private Exploration explore(Instruction[] program, String reduction) {
        GeneratedPrograms.program = program;
        GeneratedPrograms.OUTCOMES.clear();
        EngineRuns run = EngineRuns.run(GeneratedPrograms.class, "run", "interleave.strategy", "EXHAUSTIVE",
                "interleave.reduction", reduction, "interleave.schedules", Integer.toString(budget),
                "interleave.shrink", "false");
        ConcurrencyFailure.Kind failure = null;
        if (!run.passed()) {
            failure = run.failure().kind();
        } else if (!run.entries.get("interleave.coverage").startsWith("all ")
                && !run.entries.get("interleave.coverage").startsWith("its only")) {
            return null;
        }
        return new Exploration(new TreeSet<>(GeneratedPrograms.OUTCOMES), failure,
                Integer.parseInt(run.entries.getOrDefault("interleave.schedules", "0")));
    }

    @Override
    public String toString() {
        return programs + " programs generated, " + compared + " compared (" + tooLarge + " with more than " + budget
                + " schedules left out, " + deadlocking + " that deadlock), " + outcomes + " outcomes, "
                + plainSchedules + " schedules enumerated, " + reducedSchedules + " explored with reduction, "
                + mismatches.size() + " mismatches";
    }

    private record Exploration(Set<String> outcomes, ConcurrencyFailure.Kind failure, int schedules) {
    }
}
