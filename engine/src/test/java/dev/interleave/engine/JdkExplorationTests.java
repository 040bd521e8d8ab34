package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.SharedJdkObjects;
import dev.interleave.instrumentation.AgentInstaller;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/**
 * The JDK's explored classes carry their hooks only while tests execute: between test runs {@code HashMap} is the
 * JDK's own bytecode, and the next run explores inside it again.
 */
class JdkExplorationTests {

    @Test
    void theJdkRunsItsOwnBytecodeOnceNoTestExecutesAndIsExploredAgainByTheNextRun() throws Exception {
        assertThat(hashMapOfTheNextRun().getMessage()).contains("HashMap.putVal(HashMap.java:");
        AgentInstaller.install().restoreJdkNow();

        assertThat(callsTheBridge(HashMap.class)).as("HashMap between runs").isFalse();
        assertThat(hashMapOfTheNextRun().getMessage()).as("explored again").contains("HashMap.putVal(HashMap.java:");
    }

    private static ConcurrencyFailure hashMapOfTheNextRun() {
        return EngineRuns.run(SharedJdkObjects.class, "hashMapPutsFromTwoThreads").failure();
    }

    /** Whether the class's bytecode, as the JVM runs it now, calls Interleave's bridge. */
    private static boolean callsTheBridge(Class<?> type) throws Exception {
        Instrumentation instrumentation = ByteBuddyAgent.install();
        AtomicReference<byte[]> current = new AtomicReference<>();
        ClassFileTransformer reader = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                    ProtectionDomain domain, byte[] bytes) {
                if (redefined == type) {
                    current.set(bytes.clone());
                }
                return null;
            }
        };
        instrumentation.addTransformer(reader, true);
        try {
            instrumentation.retransformClasses(type);
        } finally {
            instrumentation.removeTransformer(reader);
        }
        return new String(current.get(), StandardCharsets.ISO_8859_1).contains("dev/interleave/bridge/Bridge");
    }
}
