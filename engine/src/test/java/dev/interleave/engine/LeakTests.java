package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;

import dev.interleave.fixtures.ThreadHeavy;
import org.junit.jupiter.api.Test;

class LeakTests {

    @Test
    void thousandsOfSchedulesLeaveNoThreadsAndNoInstancesBehind() throws InterruptedException {
        int threadsBefore = Thread.getAllStackTraces().size();

        EngineRuns run = EngineRuns.run(ThreadHeavy.class, "twoThreadsPerSchedule");

        assertThat(run.passed()).as("%s", run.result).isTrue();
        assertThat(run.entries).containsEntry("interleave.schedules", "3000");
        assertThat(ThreadHeavy.INSTANCES).hasSize(3000);
        // 6,000 threads started: none may be left; a few JVM service threads may come and go meanwhile
        assertThat(Thread.getAllStackTraces().size()).isLessThanOrEqualTo(threadsBefore + 2);
        long alive = ThreadHeavy.INSTANCES.size();
        for (int attempt = 0; attempt < 20 && alive > 0; attempt++) {
            System.gc();
            alive = ThreadHeavy.INSTANCES.stream().map(WeakReference::get).filter(i -> i != null).count();
        }
        // 3,000 instances of 64 KiB each: the engine keeps none of them once their schedule is over
        assertThat(alive).isLessThanOrEqualTo(1);
    }
}
