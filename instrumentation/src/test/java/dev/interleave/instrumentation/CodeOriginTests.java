package dev.interleave.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeOriginTests {

    @Test
    void theJdksPackagesInBinaryAndInternalForm() {
        for (String name : new String[] {"java.util.HashMap", "java/util/HashMap", "javax.net.ssl.SSLSocket",
                "jdk.internal.misc.Unsafe", "jdk/internal/vm/ThreadContainer", "sun.nio.ch.SocketChannelImpl",
                "com.sun.net.httpserver.HttpServer", "com/sun/crypto/provider/AESCrypt", "java.lang.Thread$State"}) {
            assertThat(CodeOrigin.isJdk(name)).as(name).isTrue();
            assertThat(CodeOrigin.isApplication(name)).as(name).isFalse();
        }
    }

    @Test
    void namesThatOnlyBeginLikeTheJdksAreNotTheJdks() {
        for (String name : new String[] {"javafoo.Bar", "javax", "sunny.Day", "com.sunshine.Ray", "jdkx.Tool",
                "Counter", "com.example.java.Util"}) {
            assertThat(CodeOrigin.isJdk(name)).as(name).isFalse();
        }
    }

    @Test
    void theFrameworksOwnPackagesButNotItsSamples() {
        assertThat(CodeOrigin.isFramework("dev.interleave.ConcurrencyTest")).isTrue();
        assertThat(CodeOrigin.isFramework("dev.interleave.scheduler.Scheduler")).isTrue();
        assertThat(CodeOrigin.isFramework("dev/interleave/bridge/Bridge")).isTrue();
        assertThat(CodeOrigin.isFramework("dev.interleave.samples.CounterSample")).isFalse();
        assertThat(CodeOrigin.isApplication("dev.interleave.samples.CounterSample")).isTrue();
        assertThat(CodeOrigin.isFramework("Counter")).as("the default package").isFalse();
        assertThat(CodeOrigin.isApplication("Counter")).isTrue();
    }

    @Test
    void theLibrariesTheFrameworkRunsOnAreNotTheApplications() {
        assertThat(CodeOrigin.isLibrary("org.junit.platform.engine.TestEngine")).isTrue();
        assertThat(CodeOrigin.isLibrary("net.bytebuddy.ByteBuddy")).isTrue();
        assertThat(CodeOrigin.isApplication("org.assertj.core.api.Assertions")).isFalse();
        assertThat(CodeOrigin.isApplication("org.junitx.Helper")).as("only the package itself").isTrue();
    }

    @Test
    void hookFramesAreTheSchedulersAndTheBridges() {
        assertThat(CodeOrigin.isHookFrame("dev.interleave.scheduler.ManagedThread")).isTrue();
        assertThat(CodeOrigin.isHookFrame("dev.interleave.bridge.Bridge")).isTrue();
        assertThat(CodeOrigin.isHookFrame("dev.interleave.engine.execution.ScheduleRunner")).isFalse();
        assertThat(CodeOrigin.isHookFrame("dev.interleave.samples.CounterSample")).isFalse();
    }
}
