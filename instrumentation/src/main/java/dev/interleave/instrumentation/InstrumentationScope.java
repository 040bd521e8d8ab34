package dev.interleave.instrumentation;

import java.security.ProtectionDomain;
import java.util.List;
import java.util.Set;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Which classes get scheduling points: application and test classes, loaded by a class loader below the platform
 * loader other than a build tool's or an IDE's, minus the framework itself and the libraries it runs on (build
 * tool, JUnit, Byte Buddy, Kryo, AssertJ).
 */
public final class InstrumentationScope {

    /** The framework's own packages; {@code dev.interleave.samples} and user packages are instrumented. */
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
            "dev.interleave.scheduler",
            "dev.interleave.strategy",
            "dev.interleave.schedulefile",
            "dev.interleave.report");

    private static final List<String> LIBRARY_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.",
            "net.bytebuddy.", "com.esotericsoftware.", "org.objenesis.",
            "org.junit.", "junit.", "org.opentest4j.", "org.apiguardian.", "org.jspecify.",
            "org.assertj.", "org.hamcrest.", "org.mockito.",
            "org.apache.maven.", "org.codehaus.plexus.", "org.gradle.", "worker.org.gradle.", "com.intellij.",
            "org.eclipse.jdt.",
            "kotlin.", "scala.", "groovy.", "org.slf4j.", "ch.qos.logback.", "org.apache.logging.log4j.");

    private InstrumentationScope() {
    }

    static boolean isApplicationType(String typeName) {
        for (String prefix : LIBRARY_PREFIXES) {
            if (typeName.startsWith(prefix)) {
                return false;
            }
        }
        int lastDot = typeName.lastIndexOf('.');
        String packageName = lastDot < 0 ? "" : typeName.substring(0, lastDot);
        return !FRAMEWORK_PACKAGES.contains(packageName);
    }

    /**
     * Class loaders of build tools and IDEs: Maven's class realms (its core and every plugin: Surefire can discover,
     * or with {@code forkCount=0} run, tests inside Maven's JVM), Gradle's, IntelliJ's and Eclipse's own. No test
     * runs the classes they define, and retransforming them all costs minutes. Tests' class loaders (Surefire's
     * isolated one, the application class loader) are not among them.
     */
    private static final List<String> TOOL_LOADER_PREFIXES = List.of(
            "org.codehaus.plexus.classworlds.", "org.gradle.", "com.intellij.", "org.eclipse.osgi.");

    private static final ClassValue<Boolean> TOOL_LOADER = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> loaderClass) {
            for (Class<?> type = loaderClass; type != null; type = type.getSuperclass()) {
                for (String prefix : TOOL_LOADER_PREFIXES) {
                    if (type.getName().startsWith(prefix)) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    static boolean isApplicationLoader(ClassLoader loader) {
        return loader != null && loader != ClassLoader.getPlatformClassLoader() && !TOOL_LOADER.get(loader.getClass());
    }

    /**
     * Whether the code of {@code type} reports what it does: an application class, or a JDK class explored inside
     * (when application code calls it).
     */
    public static boolean isInstrumented(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null ? JdkScope.isExploredClass(type.getName())
                : isApplicationLoader(loader) && isApplicationType(type.getName());
    }

    /** The JDK classes explored inside, see {@link JdkScope}, while tests execute ({@link JdkExploration}). */
    static AgentBuilder.RawMatcher exploredJdkTypes() {
        return (type, loader, module, classBeingRedefined, protectionDomain) -> JdkExploration.isActive()
                && loader == null
                && !type.isAnnotation() && JdkScope.isExploredClass(type.getName());
    }

    /** Application types, whether being loaded for the first time or retransformed after the fact. */
    static AgentBuilder.RawMatcher applicationTypes() {
        return new AgentBuilder.RawMatcher() {
            @Override
            public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module,
                    Class<?> classBeingRedefined, ProtectionDomain protectionDomain) {
                return isApplicationLoader(loader)
                        && !type.isInterface() && !type.isAnnotation()
                        && isApplicationType(type.getName());
            }
        };
    }
}
