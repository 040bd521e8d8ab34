package dev.interleave.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HtmlTests {

    @Test
    void textEscapesEveryCharacterThatMarkupGivesAMeaning() {
        assertThat(Html.text("<script>alert('x' & \"y\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
        assertThat(Html.text("a\u0000b\u0007c\nd")).isEqualTo("a\uFFFDb\uFFFDc\nd");
    }

    @Test
    void jsonInsideAScriptCannotEndItNorBreakALine() {
        String json = Html.json("</script><!-- \u2028\u2029 & \"q\" \\ \n\t\u0001");
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028")
                .doesNotContain("\u2029").doesNotContain("\n")
                .isEqualTo("\"\\u003c/script\\u003e\\u003c!-- \\u2028\\u2029 \\u0026 \\\"q\\\" \\\\ \\n\\t\\u0001\"");
        assertThat(Html.json(null)).isEqualTo("null");
    }

    @Test
    void blockingReadsTheWaitsAndTheCycleOfADeadlockReport() {
        Blocking blocking = Blocking.parse("no thread can run, and 3 threads have not finished:\n"
                + "  thread 0 (interleave-test) waits for thread 1 (x) to end (join) at T.t(T.java:3)\n"
                + "  thread 1 (x) waits to lock Object#1, held by thread 2 (y)\n"
                + "  thread 2 (y) waits to lock Object#2, held by thread 1 (x)\n"
                + "  cycle: thread 1 -> thread 2 -> thread 1", 3);

        assertThat(blocking.waits()).containsExactly(
                "thread 0 (interleave-test) waits for thread 1 (x) to end (join) at T.t(T.java:3)",
                "thread 1 (x) waits to lock Object#1, held by thread 2 (y)",
                "thread 2 (y) waits to lock Object#2, held by thread 1 (x)");
        assertThat(blocking.cycle()).containsExactly(1, 2);
        assertThat(Blocking.parse(null, 2).cycle()).isEmpty();
    }

    @Test
    void theFailingStepAndTheWritesOfOtherThreadsToWhatItReadAreMarked() {
        List<StepView> steps = List.of(
                new StepView(1, 0, "ACCESS", "read C.n", "C.a(C.java:1)", "C#1.n", false),
                new StepView(2, 1, "ACCESS", "write C.n", "C.a(C.java:2)", "C#1.n", true),
                new StepView(3, 1, "ACCESS", "read C.n", "C.a(C.java:1)", "C#1.n", false),
                new StepView(4, 1, "ACCESS", "write C.m", "C.a(C.java:3)", "C#1.m", true),
                new StepView(5, 0, "ACCESS", "read C.n", "C.t(C.java:9)", "C#1.n", false),
                new StepView(6, 0, "END", "ends", "", null, false));
        FailureView view = new FailureView("C.t()", "EXCEPTION", "thread 0 threw", null, 0, "RANDOM", "1", 1, null,
                null, null, List.of("thread 0", "thread 1"), Blocking.NONE, steps, 6, List.of());

        int[] flags = FailurePage.flags(view);

        assertThat(flags).containsExactly(0, FailurePage.CONFLICT | FailurePage.WRITE, 0, FailurePage.WRITE,
                FailurePage.FAILING, 0);
    }
}
