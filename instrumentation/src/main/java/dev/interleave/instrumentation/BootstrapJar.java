package dev.interleave.instrumentation;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge on the bootstrap class path, so that JDK classes can call it and every class loader sees one and
 * the same bridge. It must run before anything loads a bridge class through the application class loader.
 */
final class BootstrapJar {

    /** Every class of {@code dev.interleave.bridge}; a test checks this list against the compiled package. */
    static final List<String> BRIDGE_CLASSES = List.of(
            "dev.interleave.bridge.AccessKind",
            "dev.interleave.bridge.Bridge",
            "dev.interleave.bridge.Fields",
            "dev.interleave.bridge.IdentityMethod",
            "dev.interleave.bridge.ManagedSocketInput",
            "dev.interleave.bridge.ManagedSocketOutput",
            "dev.interleave.bridge.RegisteredOrderKeys",
            "dev.interleave.bridge.RegisteredOrderKeys$InOrder",
            "dev.interleave.bridge.Site",
            "dev.interleave.bridge.Sites",
            "dev.interleave.bridge.SocketIo",
            "dev.interleave.bridge.ThreadEvents");

    private BootstrapJar() {
    }

    static JarFile write() throws IOException {
        File file = Files.createTempFile("interleave-bridge-", ".jar").toFile();
        file.deleteOnExit();
        ClassLoader source = BootstrapJar.class.getClassLoader();
        try (OutputStream out = Files.newOutputStream(file.toPath()); JarOutputStream jar = new JarOutputStream(out)) {
            for (String className : BRIDGE_CLASSES) {
                String resource = className.replace('.', '/') + ".class";
                try (InputStream in = source.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("the bridge class " + resource + " is missing from the agent's class path");
                    }
                    jar.putNextEntry(new JarEntry(resource));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        return new JarFile(file);
    }
}
