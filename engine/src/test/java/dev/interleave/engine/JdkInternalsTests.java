package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ConcurrentModificationException;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.SharedJdkObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDK's collections and formats are explored inside the operations a test calls: the bugs a shared
 * {@code HashMap}, {@code ArrayList} or {@code SimpleDateFormat} has on a real JVM are found, with the JDK's own code
 * in the interleaving, and programs that use the same classes correctly pass.
 */
class JdkInternalsTests {

    @Test
    void aHashMapSharedWithoutALockLosesAnEntryInsidePut() {
        ConcurrencyFailure failure = EngineRuns.run(SharedJdkObjects.class, "hashMapPutsFromTwoThreads").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getCause()).hasMessageContaining("Expected size: 2 but was: 1");
        assertThat(EngineRuns.interleaving(failure)).contains("call Map.put()")
                .contains("write HashMap.table").contains("HashMap.putVal(HashMap.java:");
    }

    @Test
    void anArrayListSharedWithoutALockLosesAnElementInsideAdd() {
        ConcurrencyFailure failure = EngineRuns.run(SharedJdkObjects.class, "arrayListAddsFromTwoThreads").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(EngineRuns.interleaving(failure)).contains("write ArrayList.size")
                .contains("ArrayList.add(ArrayList.java:");
    }

    @Test
    void iteratingWhileAnotherThreadAddsThrowsConcurrentModification() {
        ConcurrencyFailure failure = EngineRuns.run(SharedJdkObjects.class, "iteratesWhileAnotherThreadAdds").failure();

        assertThat(failure.getCause()).isInstanceOf(ConcurrentModificationException.class);
        assertThat(EngineRuns.interleaving(failure)).contains("ArrayList$Itr.checkForComodification");
    }

    @Test
    void aSimpleDateFormatSharedByTwoThreadsGoesWrong() {
        ConcurrencyFailure failure = EngineRuns.run(SharedJdkObjects.class, "simpleDateFormatSharedByTwoThreads")
                .failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.schedule()).isLessThanOrEqualTo(100);
        assertThat(EngineRuns.interleaving(failure)).contains("Calendar.").contains("SimpleDateFormat.");
    }

    @Test
    void testCodeCalledBackFromTheJdkIsScheduledToo() {
        ConcurrencyFailure failure = EngineRuns.run(SharedJdkObjects.class, "treeMapWithAComparatorFromTwoThreads")
                .failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(EngineRuns.interleaving(failure)).contains("TreeMap.put(TreeMap.java:")
                .contains("read SharedJdkObjects.count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashMapUnderALock", "threadSafeMapsAndLists", "aConcurrentListAsksAnotherListUnderItsOwnMonitor",
            "twoThreadsInitializeAClass"})
    void correctProgramsOnTheSameClassesPassEverySchedule(String method) {
        int schedules = method.equals("twoThreadsInitializeAClass") ? 100 : 300;
        EngineRuns.run(SharedJdkObjects.class, method).assertPassedAll(schedules);
    }

    @Test
    void aCaughtExceptionFromTheJdkLeavesTheThreadPreemptible() {
        ConcurrencyFailure failure = EngineRuns.run(SharedJdkObjects.class, "lostUpdateAfterACaughtJdkException")
                .failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getCause()).hasMessageContaining("expected: 2");
    }

    @Test
    void theSameSeedExploresTheJdkTheSameWay() {
        ConcurrencyFailure first = EngineRuns.run(SharedJdkObjects.class, "hashMapPutsFromTwoThreads").failure();
        ConcurrencyFailure second = EngineRuns.run(SharedJdkObjects.class, "hashMapPutsFromTwoThreads").failure();

        assertThat(second.schedule()).isEqualTo(first.schedule());
        assertThat(EngineRuns.interleaving(second)).isEqualTo(EngineRuns.interleaving(first));
    }
}
