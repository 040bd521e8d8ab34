package dev.interleave.engine.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The configuration a launcher session opens with: no discovery request carries parameters yet, so {@value
 * AttachMode#KEY} comes from a system property or, as the launcher reads it, from {@code junit-platform.properties}
 * on the class path.
 */
final class SessionSettings {

    private static final String PROPERTIES_FILE = "junit-platform.properties";

    private SessionSettings() {
    }

    static AttachMode attachMode() {
        return AttachMode.parse(value(AttachMode.KEY));
    }

    private static Optional<String> value(String key) {
        String property = System.getProperty(key);
        if (property != null) {
            return Optional.of(property);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SessionSettings.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(PROPERTIES_FILE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Interleave could not read " + PROPERTIES_FILE + ": " + e.getMessage(), e);
        }
    }
}
