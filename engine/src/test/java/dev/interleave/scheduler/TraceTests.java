package dev.interleave.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A schedule's trace keeps its first steps and its last ones, in order, however many it took. */
class TraceTests {

    @Test
    void aShortScheduleKeepsEveryStep() {
        assertThat(stepsKept(Trace.HEAD + 7)).isEqualTo(range(1, Trace.HEAD + 7));
        assertThat(stepsKept(3)).isEqualTo(range(1, 3));
        assertThat(stepsKept(0)).isEmpty();
    }

    @Test
    void aLongScheduleKeepsItsHeadAndItsLastSteps() {
        for (int size : new int[] {Trace.HEAD + Trace.TAIL, Trace.HEAD + Trace.TAIL + 1,
                Trace.HEAD + 3 * Trace.TAIL + 17}) {
            List<Integer> expected = range(1, Trace.HEAD);
            expected.addAll(range(size - Trace.TAIL + 1, size));

            assertThat(stepsKept(size)).as("%d steps", size).isEqualTo(expected);
        }
    }

    private static List<Integer> stepsKept(int size) {
        Trace trace = new Trace();
        for (int step = 1; step <= size; step++) {
            trace.add(new TraceEvent(step, 0, OpKind.YIELD, null, 0, null, -1, null));
        }
        assertThat(trace.size()).isEqualTo(size);
        return trace.kept().stream().map(TraceEvent::step).collect(Collectors.toList());
    }

    private static List<Integer> range(int first, int last) {
        return IntStream.rangeClosed(first, last).boxed().collect(Collectors.toList());
    }
}
