package dev.interleave.instrumentation;

import java.util.List;
import java.util.Set;

/**
 * The one rule for whose code a class is: the JDK's, the framework's (its own packages and the libraries it runs
 * on), or the application's, which is all the rest. Every check of a class or frame name asks here, in binary
 * ({@code java.util.HashMap}) or internal ({@code java/util/HashMap}) form alike.
 */
public final class CodeOrigin {

    /** The JDK's packages, with their subpackages. */
    private static final List<String> JDK_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun");

    /** The framework's own packages; {@code dev.interleave.samples} and user packages are the application's. */
    private static final Set<String> FRAMEWORK_PACKAGES = Set.of(
            "dev.interleave",
            "dev.interleave.bridge",
            "dev.interleave.instrumentation",
            "dev.interleave.engine",
            "dev.interleave.engine.descriptor",
            "dev.interleave.engine.discovery",
            "dev.interleave.engine.execution",
            "dev.interleave.engine.hunt",
            "dev.interleave.engine.launcher",
            "dev.interleave.engine.statics",
            "dev.interleave.scheduler",
            "dev.interleave.strategy",
            "dev.interleave.schedulefile",
            "dev.interleave.report");

    /**
     * The packages of the libraries the framework runs on or runs under (build tools, IDEs, JUnit, Byte Buddy, Kryo,
     * assertion libraries, languages' runtimes, loggers), with their subpackages: never the application's.
     */
    private static final List<String> LIBRARY_PACKAGES = List.of(
            "net.bytebuddy", "com.esotericsoftware", "org.objenesis",
            "org.junit", "junit", "org.opentest4j", "org.apiguardian", "org.jspecify",
            "org.assertj", "org.hamcrest", "org.mockito",
            "org.apache.maven", "org.codehaus.plexus", "org.gradle", "worker.org.gradle", "com.intellij",
            "org.eclipse.jdt",
            "kotlin", "scala", "groovy", "org.slf4j", "ch.qos.logback", "org.apache.logging.log4j");

    /** The packages whose frames stand between a managed thread's code and the scheduler: the bridge's hooks. */
    private static final List<String> HOOK_PACKAGES = List.of("dev.interleave.scheduler", "dev.interleave.bridge");

    private CodeOrigin() {
    }

    /** Whether {@code className} is the JDK's. */
    public static boolean isJdk(String className) {
        return inAny(className, JDK_PACKAGES);
    }

    /** Whether {@code className} is one of the framework's own classes (not its samples). */
    public static boolean isFramework(String className) {
        int lastSeparator = Math.max(className.lastIndexOf('.'), className.lastIndexOf('/'));
        return lastSeparator > 0 && FRAMEWORK_PACKAGES.contains(className.substring(0, lastSeparator).replace('/', '.'));
    }

    /** Whether {@code className} belongs to a library the framework runs on or under (see the list above). */
    public static boolean isLibrary(String className) {
        return inAny(className, LIBRARY_PACKAGES);
    }

    /** Whether {@code className} is the application's: neither the JDK's, nor the framework's, nor a library's. */
    public static boolean isApplication(String className) {
        return !isJdk(className) && !isLibrary(className) && !isFramework(className);
    }

    /**
     * Whether a frame of {@code className} is the scheduler's or the bridge's: on a managed thread's stack, the
     * frames above the code that reached a hook, which reports leave out.
     */
    public static boolean isHookFrame(String className) {
        return inAny(className, HOOK_PACKAGES);
    }

    private static boolean inAny(String className, List<String> packages) {
        for (String name : packages) {
            if (inPackage(className, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code className} is in {@code packageName} (binary form) or a package below it. */
    private static boolean inPackage(String className, String packageName) {
        int length = packageName.length();
        if (className.length() <= length || !isSeparator(className.charAt(length))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char expected = packageName.charAt(i);
            char actual = className.charAt(i);
            if (actual != expected && !(expected == '.' && actual == '/')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '/';
    }
}
