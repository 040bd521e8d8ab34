package dev.interleave.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;

/**
 * Surefire's fork loads every test class before any engine discovers. Interleave's launcher session listener
 * attaches the agent when the fork opens its session, before that: so this class, loaded by Surefire, was
 * instrumented as it loaded, and its {@code synchronized} method became explicit, scheduled monitor operations.
 */
class SurefireAttachTests {

    private int guarded;

    synchronized void increment() {
        guarded++;
    }

    @Test
    void surefireLoadedThisClassAfterTheAgentWasAttached() throws NoSuchMethodException {
        increment();

        assertThat(Modifier.isSynchronized(SurefireAttachTests.class.getDeclaredMethod("increment").getModifiers()))
                .as("a synchronized method rewritten as the class loaded").isFalse();
        assertThat(guarded).isEqualTo(1);
    }
}
