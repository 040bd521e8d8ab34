package dev.interleave.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.execution.AgentStatus;
import org.junit.jupiter.api.Test;

/**
 * Surefire's fork loads every test class before any engine discovers. Interleave's launcher session listener
 * attaches the agent when the fork opens its session, before that: so this class, loaded by Surefire, was
 * instrumented as it loaded, not retransformed after the fact.
 */
class SurefireAttachTests {

    @Test
    void surefireLoadedThisClassAfterTheAgentWasAttached() {
        assertThat(AgentStatus.isAttached()).as("the agent, attached when the fork opened its launcher session")
                .isTrue();
        assertThat(AgentStatus.instrumentedAsItLoaded(SurefireAttachTests.class))
                .as("this class, instrumented as Surefire loaded it").isTrue();
    }
}
