package dev.interleave.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstrumentationScopeTests {

    @Test
    void instrumentsApplicationAndSampleTypes() {
        assertThat(InstrumentationScope.isApplicationType("com.example.Counter")).isTrue();
        assertThat(InstrumentationScope.isApplicationType("dev.interleave.samples.CounterSample")).isTrue();
        assertThat(InstrumentationScope.isApplicationType("Counter")).isTrue();
    }

    @Test
    void leavesTheFrameworkAndItsLibrariesAlone() {
        assertThat(InstrumentationScope.isApplicationType("dev.interleave.ConcurrencyTest")).isFalse();
        assertThat(InstrumentationScope.isApplicationType("dev.interleave.scheduler.Scheduler")).isFalse();
        assertThat(InstrumentationScope.isApplicationType("dev.interleave.schedulefile.ScheduleFiles")).isFalse();
        assertThat(InstrumentationScope.isApplicationType("dev.interleave.bridge.Bridge")).isFalse();
        assertThat(InstrumentationScope.isApplicationType("org.junit.platform.engine.TestEngine")).isFalse();
        assertThat(InstrumentationScope.isApplicationType("net.bytebuddy.ByteBuddy")).isFalse();
        assertThat(InstrumentationScope.isApplicationType("com.esotericsoftware.kryo.kryo5.Kryo")).isFalse();
        assertThat(InstrumentationScope.isApplicationType("java.util.HashMap")).isFalse();
    }

    @Test
    void leavesBootstrapAndPlatformLoadersAlone() {
        assertThat(InstrumentationScope.isApplicationLoader(null)).isFalse();
        assertThat(InstrumentationScope.isApplicationLoader(ClassLoader.getPlatformClassLoader())).isFalse();
        assertThat(InstrumentationScope.isApplicationLoader(ClassLoader.getSystemClassLoader())).isTrue();
    }
}
