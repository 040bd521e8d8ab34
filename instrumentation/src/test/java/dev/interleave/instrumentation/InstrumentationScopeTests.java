package dev.interleave.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
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
        assertThat(InstrumentationScope.isApplicationType("dev.interleave.engine.launcher.AgentSessionListener"))
                .isFalse();
    }

    @Test
    void leavesBootstrapAndPlatformLoadersAlone() {
        assertThat(InstrumentationScope.isApplicationLoader(null)).isFalse();
        assertThat(InstrumentationScope.isApplicationLoader(ClassLoader.getPlatformClassLoader())).isFalse();
        assertThat(InstrumentationScope.isApplicationLoader(ClassLoader.getSystemClassLoader())).isTrue();
    }

    @Test
    void leavesTheClassesOfBuildToolsAndIdesLoadersAlone() throws ReflectiveOperationException {
        assertThat(InstrumentationScope.isApplicationLoader(
                loaderNamed("org.codehaus.plexus.classworlds.realm.ClassRealm")))
                .as("Maven's class realms: its core and its plugins").isFalse();
        assertThat(InstrumentationScope.isApplicationLoader(
                loaderNamed("org.gradle.internal.classloader.VisitableURLClassLoader"))).isFalse();
        assertThat(InstrumentationScope.isApplicationLoader(loaderNamed("com.intellij.util.lang.PathClassLoader")))
                .isFalse();
    }

    @Test
    void instrumentsWhatTestClassLoadersLoad() throws ReflectiveOperationException {
        assertThat(InstrumentationScope.isApplicationLoader(
                loaderNamed("org.apache.maven.surefire.booter.IsolatedClassLoader")))
                .as("Surefire's loader of the test class path, in Maven's JVM with forkCount=0").isTrue();
        assertThat(InstrumentationScope.isApplicationLoader(new URLClassLoader(new URL[0]))).isTrue();
    }

    /** A class loader whose class has {@code name}, as a build tool's or a test runner's has. */
    private static ClassLoader loaderNamed(String name) throws ReflectiveOperationException {
        Class<? extends URLClassLoader> type = new ByteBuddy().subclass(URLClassLoader.class).name(name).make()
                .load(null, ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        return type.getConstructor(URL[].class).newInstance((Object) new URL[0]);
    }
}
