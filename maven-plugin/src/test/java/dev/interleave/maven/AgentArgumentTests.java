package dev.interleave.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class AgentArgumentTests {

    private static final Path AGENT = Path.of("/repo/dev/interleave/interleave-instrumentation-0.1.jar");
    private static final String JAVAAGENT = "-javaagent:" + AGENT;

    @Test
    void anAbsentOrEmptyArgLineBecomesTheAgentAlone() {
        assertThat(AgentArgument.of(AGENT).appendedTo(null)).isEqualTo(JAVAAGENT);
        assertThat(AgentArgument.of(AGENT).appendedTo("  ")).isEqualTo(JAVAAGENT);
    }

    @Test
    void theAgentsAlreadyThereStayAndComeFirst() {
        String jacoco = "-javaagent:/repo/org/jacoco/org.jacoco.agent-0.8.13-runtime.jar=destfile=/p/jacoco.exec";
        String mockito = "-javaagent:/repo/org/mockito/mockito-core-5.20.0.jar";

        assertThat(AgentArgument.of(AGENT).appendedTo(jacoco + " " + mockito + " -Xmx512m "))
                .isEqualTo(jacoco + " " + mockito + " -Xmx512m " + JAVAAGENT);
    }

    @Test
    void aPathWithSpacesIsQuotedAsOneArgument() {
        Path spaced = Path.of("/home/ann smith/.m2/interleave-instrumentation-0.1.jar");

        assertThat(AgentArgument.of(spaced).appendedTo("-ea"))
                .isEqualTo("-ea \"-javaagent:/home/ann smith/.m2/interleave-instrumentation-0.1.jar\"");
    }

    @Test
    void aPathWithDoubleQuotesIsQuotedWithSingleOnes() {
        Path quoted = Path.of("/home/a\"b/interleave-instrumentation-0.1.jar");

        assertThat(AgentArgument.of(quoted).appendedTo(null))
                .isEqualTo("'-javaagent:/home/a\"b/interleave-instrumentation-0.1.jar'");
    }

    @Test
    void aPathNoArgLineCanCarryIsNamed() {
        assertThatThrownBy(() -> AgentArgument.of(Path.of("/home/a\"b'c/agent.jar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/home/a\"b'c/agent.jar")
                .hasMessageContaining("-Dmaven.repo.local");
    }

    @Test
    void appendingTwiceAddsTheAgentOnce() {
        AgentArgument agent = AgentArgument.of(AGENT);

        assertThat(agent.appendedTo(agent.appendedTo("-ea"))).isEqualTo("-ea " + JAVAAGENT);
    }

    @Test
    void aRelativePathIsMadeAbsolute() {
        assertThat(AgentArgument.of(Path.of("agent.jar")).toString())
                .isEqualTo("-javaagent:" + Path.of("agent.jar").toAbsolutePath());
    }
}
