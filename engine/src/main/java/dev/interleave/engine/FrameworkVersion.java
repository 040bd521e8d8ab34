package dev.interleave.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Interleave that is running, as the build wrote it into the engine's jar. */
public final class FrameworkVersion {

    private static final String VERSION = load();

    private FrameworkVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = FrameworkVersion.class.getResourceAsStream("interleave.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the engine's own version", e);
        }
    }
}
