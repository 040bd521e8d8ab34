package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.WeakReference;

import dev.interleave.fixtures.ThreadHeavy;
import org.junit.jupiter.api.Test;

class LeakTests {

    private static long alive(Iterable<WeakReference<ThreadHeavy>> references) {
        long alive = 0;
        for (WeakReference<ThreadHeavy> reference : references) {
            if (reference.get() != null) {
                alive++;
            }
        }
        return alive;
    }

    @Test
    void thousandsOfSchedulesLeaveNoThreadsAndNoInstancesBehind() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadHeavy.INSTANCES.clear();
        int threadsBefore = threads.getThreadCount();

        EngineRuns.run(ThreadHeavy.class, "twoThreadsPerSchedule").assertPassedAll(3000);

        assertThat(ThreadHeavy.INSTANCES).as("one instance per schedule").hasSize(3000);
        // 6,000 threads were started: none may be left; a few JVM service threads may come and go meanwhile
        assertThat(threads.getThreadCount()).as("live threads").isLessThanOrEqualTo(threadsBefore + 3);
        long alive = alive(ThreadHeavy.INSTANCES);
        for (int attempt = 0; attempt < 20 && alive > 0; attempt++) {
            System.gc();
            alive = alive(ThreadHeavy.INSTANCES);
        }
        // 3,000 instances of 64 KiB each: the engine keeps none of them once their schedule is over
        assertThat(alive).as("instances still reachable").isLessThanOrEqualTo(3000 / 100);
    }
}
