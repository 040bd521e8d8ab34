package dev.interleave.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal as Maven runs it: on a project's properties, with the agent jar the plugin's dependencies resolved. */
class PrepareAgentMojoTests {

    private static final String INTERLEAVE_AGENT = "dev.interleave.instrumentation.InterleaveAgent";

    @TempDir
    Path folder;

    @Test
    void appendsTheAgentToTheArgLineAndKeepsWhatIsThere() throws Exception {
        Path jar = agentJar(folder.resolve("interleave-instrumentation.jar"), INTERLEAVE_AGENT);
        PrepareAgentMojo mojo = mojo(jar);
        mojo.project.getProperties().setProperty("argLine", "-javaagent:/jacoco.jar=destfile=x");

        mojo.execute();

        assertThat(mojo.project.getProperties().getProperty("argLine"))
                .isEqualTo("-javaagent:/jacoco.jar=destfile=x -javaagent:" + jar);
    }

    @Test
    void setsTheNamedPropertyOnly() throws Exception {
        Path jar = agentJar(folder.resolve("agent.jar"), INTERLEAVE_AGENT);
        PrepareAgentMojo mojo = mojo(jar);
        mojo.propertyName = "failsafeArgLine";

        mojo.execute();

        assertThat(mojo.project.getProperties().getProperty("failsafeArgLine")).isEqualTo("-javaagent:" + jar);
        assertThat(mojo.project.getProperties().getProperty("argLine")).isNull();
    }

    @Test
    void skippedItLeavesAnArgLineAsItIsAndMakesAnAbsentOneEmpty() throws Exception {
        PrepareAgentMojo mojo = mojo(agentJar(folder.resolve("agent.jar"), INTERLEAVE_AGENT));
        mojo.skip = true;
        mojo.execute();
        assertThat(mojo.project.getProperties().getProperty("argLine")).isEmpty();

        mojo.project.getProperties().setProperty("argLine", "-ea");
        mojo.execute();
        assertThat(mojo.project.getProperties().getProperty("argLine")).isEqualTo("-ea");
    }

    @Test
    void aFolderOfClassesIsNoAgentJar() throws Exception {
        Path classes = Files.createDirectories(folder.resolve("instrumentation/target/classes"));

        assertThatThrownBy(() -> mojo(classes).execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(classes + ", not a jar")
                .hasMessageContaining("mvn verify");
    }

    @Test
    void aJarWithoutInterleavesPremainClassIsNamed() throws Exception {
        Path other = agentJar(folder.resolve("other.jar"), "org.example.Agent");

        assertThatThrownBy(() -> mojo(other).execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(other + " is not Interleave's agent jar")
                .hasMessageContaining("Premain-Class org.example.Agent");
    }

    private static PrepareAgentMojo mojo(Path agent) {
        DefaultArtifact artifact = new DefaultArtifact("dev.interleave", "interleave-instrumentation",
                "0.1.0-SNAPSHOT", "compile", "jar", null, new DefaultArtifactHandler("jar"));
        artifact.setFile(agent.toFile());
        PrepareAgentMojo mojo = new PrepareAgentMojo();
        mojo.project = new MavenProject();
        mojo.pluginArtifactMap = Map.of(PrepareAgentMojo.AGENT_ARTIFACT, artifact);
        mojo.propertyName = "argLine";
        return mojo;
    }

    private static Path agentJar(Path path, String premainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", premainClass);
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            return path;
        }
    }
}
