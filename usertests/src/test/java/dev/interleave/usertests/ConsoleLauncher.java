package dev.interleave.usertests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JUnit Platform Console Launcher, with the user's test class path, as this module's pom copies them. */
final class ConsoleLauncher {

    static final String MAIN_CLASS = "org.junit.platform.console.ConsoleLauncher";

    private ConsoleLauncher() {
    }

    /** The launcher, the user's test classes and their dependencies (without JUnit's, which the launcher brings). */
    static List<Path> classPath(Path runs, String testClasses) throws IOException {
        Path launcher = runs.resolve("console-launcher");
        List<Path> classPath = new ArrayList<>();
        classPath.add(launcher.resolve("junit-platform-console-standalone.jar"));
        classPath.add(Path.of(testClasses));
        for (String entry : Files.readString(launcher.resolve("class-path.txt"), StandardCharsets.UTF_8).strip()
                .split(File.pathSeparator)) {
            classPath.add(Path.of(entry));
        }
        return classPath;
    }
}
