package dev.interleave.maven;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Puts Interleave's agent on the command line of the JVMs that Surefire and Failsafe start: appends
 * {@code -javaagent:<interleave-instrumentation jar>} to the project property {@code argLine} (or the one
 * {@code propertyName} names), keeping what is there, such as JaCoCo's agent. The jar is the plugin's own
 * dependency, so it is always the plugin's version. Started with the agent, the test JVM instruments every class as
 * it loads and prints no warning about an agent loaded at run time (JDK 21 and later).
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends AbstractMojo {

    static final String AGENT_ARTIFACT = "dev.interleave:interleave-instrumentation";
    private static final String PREMAIN_CLASS = "dev.interleave.instrumentation.InterleaveAgent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    Map<String, Artifact> pluginArtifactMap;

    /** The project property to append the agent to: Surefire and Failsafe read {@code argLine}. */
    @Parameter(property = "interleave.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Leaves the property as it is (an absent one becomes empty, so that {@code @{argLine}} still resolves). */
    @Parameter(property = "interleave.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (propertyName == null || propertyName.isBlank()) {
            throw new MojoExecutionException("interleave-maven-plugin: propertyName is empty; name the property the"
                    + " test plugin reads its JVM arguments from (argLine for Surefire and Failsafe)");
        }
        Properties properties = project.getProperties();
        String existing = properties.getProperty(propertyName);
        if (skip) {
            getLog().info("Skipping Interleave's prepare-agent");
            if (existing == null) {
                properties.setProperty(propertyName, "");
            }
            return;
        }
        AgentArgument agent;
        try {
            agent = AgentArgument.of(agentJar().toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("interleave-maven-plugin: " + e.getMessage(), e);
        }
        String value = agent.appendedTo(existing);
        properties.setProperty(propertyName, value);
        getLog().info(propertyName + " set to " + value);
    }

    /** The agent jar among the plugin's dependencies, checked to be one a JVM can start with. */
    File agentJar() throws MojoExecutionException {
        Artifact artifact = pluginArtifactMap == null ? null : pluginArtifactMap.get(AGENT_ARTIFACT);
        File file = artifact == null ? null : artifact.getFile();
        if (file == null) {
            throw new MojoExecutionException("interleave-maven-plugin: its dependency " + AGENT_ARTIFACT
                    + " was not resolved, so there is no agent to put on the argLine; do not exclude it from the"
                    + " plugin's dependencies");
        }
        if (file.isDirectory()) {
            throw new MojoExecutionException("interleave-maven-plugin: " + AGENT_ARTIFACT + " resolved to the folder "
                    + file + ", not a jar: a JVM starts agents from jars only. Built in the same reactor, the agent"
                    + " module must be packaged first: run the build to the package phase or later (mvn verify)");
        }
        try (JarFile jar = new JarFile(file)) {
            Manifest manifest = jar.getManifest();
            String premain = manifest == null ? null : manifest.getMainAttributes().getValue("Premain-Class");
            if (!PREMAIN_CLASS.equals(premain)) {
                throw new MojoExecutionException("interleave-maven-plugin: " + file + " is not Interleave's agent jar:"
                        + " its manifest names " + (premain == null ? "no Premain-Class" : "Premain-Class " + premain)
                        + ", not " + PREMAIN_CLASS);
            }
            if (!"true".equalsIgnoreCase(manifest.getMainAttributes().getValue(new Attributes.Name(
                    "Can-Retransform-Classes")))) {
                throw new MojoExecutionException("interleave-maven-plugin: " + file + " does not allow"
                        + " retransforming classes (Can-Retransform-Classes), which Interleave's agent needs");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("interleave-maven-plugin: could not read the agent jar " + file + ": "
                    + e.getMessage(), e);
        }
        return file;
    }
}
