package dev.interleave.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.interleave.scheduler.ObjectNames;
import org.junit.jupiter.api.Test;

/** A value prints the same on every run: as Java writes a primitive, quoted and escaped, or by its schedule name. */
class ValueTextTests {

    private final ObjectNames names = ObjectNames.of(List.of());

    /** An object a report must never ask for its text: its toString() would fail the report. */
    static final class Touchy {
        @Override
        public String toString() {
            throw new AssertionError("toString() called");
        }

        @Override
        public int hashCode() {
            throw new AssertionError("hashCode() called");
        }
    }

    @Test
    void primitivesPrintAsJavaWritesThem() {
        assertThat(ValueText.of(0, names)).isEqualTo("0");
        assertThat(ValueText.of(-7L, names)).isEqualTo("-7");
        assertThat(ValueText.of(1.5d, names)).isEqualTo("1.5");
        assertThat(ValueText.of(true, names)).isEqualTo("true");
        assertThat(ValueText.of('x', names)).isEqualTo("'x'");
        assertThat(ValueText.of('\n', names)).isEqualTo("'\\n'");
        assertThat(ValueText.of(null, names)).isEqualTo("null");
        assertThat(ValueText.of(TimeUnit.SECONDS, names)).isEqualTo("TimeUnit.SECONDS");
    }

    @Test
    void aStringIsQuotedEscapedAndCutWithItsLengthSaid() {
        assertThat(ValueText.of("a\nb\t\"c\"\\\u0001", names)).isEqualTo("\"a\\nb\\t\\\"c\\\"\\\\\\u0001\"");
        String long50 = "0123456789".repeat(5);
        assertThat(ValueText.of(long50, names)).isEqualTo("\"" + long50.substring(0, 40) + "\"... (50 chars)");
        // a surrogate pair is never cut in half
        String emoji = "x".repeat(39) + "\uD83D\uDE00" + "tail";
        assertThat(ValueText.of(emoji, names)).isEqualTo("\"" + "x".repeat(39) + "\"... (45 chars)");
    }

    @Test
    void anyOtherObjectIsNamedByItsNumberInTheScheduleNeverByItsText() {
        Touchy first = new Touchy();
        Touchy second = new Touchy();

        assertThat(ValueText.of(first, names)).isEqualTo("Touchy#1");
        assertThat(ValueText.of(second, names)).isEqualTo("Touchy#2");
        assertThat(ValueText.of(first, names)).isEqualTo("Touchy#1");
        assertThat(ValueText.of(new int[2], names)).isEqualTo("int[]#1");
        assertThat(ValueText.of(String.class, names)).isEqualTo("String.class");
    }
}
