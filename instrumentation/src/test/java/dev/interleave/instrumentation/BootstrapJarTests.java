package dev.interleave.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.interleave.bridge.Bridge;
import org.junit.jupiter.api.Test;

class BootstrapJarTests {

    @Test
    void listsEveryCompiledClassOfTheBridgePackage() throws IOException, URISyntaxException {
        Path classes = Path.of(Bridge.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/interleave/bridge");
        List<String> compiled;
        try (Stream<Path> files = Files.list(classes)) {
            compiled = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                    .map(name -> "dev.interleave.bridge." + name.substring(0, name.length() - ".class".length()))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(BootstrapJar.BRIDGE_CLASSES).containsExactlyInAnyOrderElementsOf(compiled);
    }

    @Test
    void writesAJarHoldingExactlyTheBridgeClasses() throws IOException {
        try (JarFile jar = BootstrapJar.write()) {
            List<String> entries = Collections.list(jar.entries()).stream().map(JarEntry::getName).sorted()
                    .collect(Collectors.toList());
            assertThat(entries).hasSize(BootstrapJar.BRIDGE_CLASSES.size())
                    .allMatch(name -> name.startsWith("dev/interleave/bridge/") && name.endsWith(".class"));
        }
    }
}
