package dev.interleave.engine.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.schedulefile.ScheduleDirectory;
import dev.interleave.schedulefile.ScheduleRecord;

/**
 * The regression memory, for a {@code @ConcurrencyTest} and a hunted test alike: the schedules that failed a test
 * before are replayed before anything new is tried. One that fails again fails the test at once; one that passes,
 * or no longer follows the code, is forgotten (its file deleted); one that cannot be replayed is kept.
 */
public final class PastFailures {

    /** What the caller does with the replays. */
    public interface Replays {

        /** Every past failure replayed, whatever came of it, before that is acted on. */
        default void replayed(ScheduleReplay replay) {
        }

        /** The failure the test fails with, for a schedule that failed again; started when its replay began. */
        ConcurrencyFailure failedAgain(ScheduleReplay replay, long started);
    }

    private PastFailures() {
    }

    /**
     * Replays the files of {@code identity} in {@code failuresDir}; throws what {@link Replays#failedAgain} gives
     * for the first that fails again. {@code say} prints a line on the console for the test.
     */
    public static void rerun(ScheduleRunner runner, Path failuresDir, ScheduleRecord.TestIdentity identity,
            Replays replays, Consumer<String> say) throws InterruptedException {
        for (Path file : new ScheduleDirectory(failuresDir).filesFor(identity)) {
            long started = System.nanoTime();
            ScheduleReplay replay = ScheduleReplay.of(file, identity, runner);
            replays.replayed(replay);
            switch (replay.verdict) {
                case FAILED:
                    throw replays.failedAgain(replay, started);
                case PASSED:
                    forget(file, "it no longer fails", say);
                    break;
                case DIVERGED:
                    forget(file, "the code under test no longer runs the recorded schedule", say);
                    break;
                default:
                    say.accept("kept but skipped " + replay.problem);
            }
        }
    }

    private static void forget(Path file, String why, Consumer<String> say) {
        try {
            Files.deleteIfExists(file);
            say.accept("forgot " + file + ": " + why);
        } catch (IOException e) {
            say.accept("could not forget " + file + " (" + why + "): " + e);
        }
    }
}
