package dev.interleave.engine.hunt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.junit.platform.commons.JUnitException;

/**
 * The context class loader Jupiter runs with inside schedules. Jupiter looks for auto-detected extensions anew on
 * every execution, through the context class loader, which searches every folder and jar of the class path for the
 * service file, a cost that grows with the class path (a fifth of a small test's execution with 16 entries on it).
 * This loader answers that one look-up from what it read once, and hands every other request to the loader it
 * stands in for, so classes and resources are the same. Test code itself runs with that loader (see
 * {@link EnteringTestCode}).
 */
final class ExtensionServices extends ClassLoader {

    static final String SERVICE = "META-INF/services/org.junit.jupiter.api.extension.Extension";

    private final ClassLoader original;
    private final List<URL> files = new ArrayList<>();

    /**
     * {@code projectDetects}: whether the project turned extension auto-detection on itself, so that its own
     * service files count; otherwise Jupiter is to find {@link EnteringTestCode} alone.
     */
    ExtensionServices(ClassLoader original, boolean projectDetects) {
        super(original);
        this.original = original;
        try {
            if (projectDetects) {
                Enumeration<URL> found = original.getResources(SERVICE);
                while (found.hasMoreElements()) {
                    try (InputStream in = found.nextElement().openStream()) {
                        files.add(inMemory(files.size(), in.readAllBytes()));
                    }
                }
            } else {
                files.add(inMemory(0, (EnteringTestCode.class.getName() + "\n").getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new JUnitException("could not read the Jupiter extensions the class path declares (" + SERVICE
                    + "): " + e, e);
        }
    }

    /** The loader this one stands in for: the one test code runs with. */
    ClassLoader original() {
        return original;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.equals(SERVICE) ? Collections.enumeration(files) : super.getResources(name);
    }

    @SuppressWarnings("deprecation") // URL.of(URI, handler) is JDK 20+
    private static URL inMemory(int index, byte[] content) throws MalformedURLException {
        return new URL("interleave-extensions", "", -1, "/" + index, new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                return new URLConnection(url) {
                    @Override
                    public void connect() {
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(content);
                    }
                };
            }
        });
    }
}
