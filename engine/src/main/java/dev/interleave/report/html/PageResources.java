package dev.interleave.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The pages' style sheet and script, kept as resources beside this class, and the policy that lets them run. */
final class PageResources {

    static final String CSS = load("page.css");
    static final String SCRIPT = "//<![CDATA[\n" + load("page.js") + "//]]>\n";

    private PageResources() {
    }

    /**
     * The Content-Security-Policy of every page: nothing may be loaded from anywhere, and the one script that may
     * run is the page's own, by its hash, so that even markup that escaped escaping could not run a script.
     */
    static String policy(boolean withScript) {
        return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                + (withScript ? "script-src '" + sha256(SCRIPT) + "'; " : "script-src 'none'; ")
                + "connect-src 'none'; base-uri 'none'; form-action 'none'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String load(String name) {
        try (InputStream in = PageResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + PageResources.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
