package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.interleave.fixtures.SslPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS sockets on the loopback interface explore like plain ones: their handshake runs over the modelled streams. */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SslTests {

    @TempDir
    Path folder;

    @Test
    void aLineEchoedOverTlsPasses() throws Exception {
        Path keyStore = folder.resolve("keys.p12");
        Process keytool = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", SslPrograms.PASSWORD))
                .redirectErrorStream(true).start();
        process(keytool);
        System.setProperty(SslPrograms.KEY_STORE, keyStore.toString());
        try {
            EngineRuns.run(SslPrograms.class, "lineEchoOverTls").assertPassedAll(3);
        } finally {
            System.clearProperty(SslPrograms.KEY_STORE);
        }
    }

    private static void process(Process keytool) throws Exception {
        keytool.getOutputStream().close();
        boolean ended = keytool.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            keytool.destroyForcibly();
        }
        String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ended).as("keytool ended within a minute").isTrue();
        assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();
    }
}
