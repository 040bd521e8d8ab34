package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.fixtures.SocketPrograms;
import dev.interleave.instrumentation.AgentInstaller;
import dev.interleave.instrumentation.TransformationLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Blocking socket, server-socket, channel and selector calls wait under the scheduler until another managed thread's
 * connect, write, close or wakeup lets them go on: correct client/server programs pass every schedule, and their
 * bugs are found and replayed like any other.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketTests {

    @Test
    void theEntryPointsOfSocketsChannelsAndSelectorsAreInstrumentedOnThisJdk() throws ClassNotFoundException {
        TransformationLog log = AgentInstaller.install().log();
        for (String name : List.of("java.net.Socket", "java.net.ServerSocket", "sun.nio.ch.SocketChannelImpl",
                "sun.nio.ch.ServerSocketChannelImpl", "sun.nio.ch.SelectorImpl",
                selectorClass())) {
            Class<?> type = Class.forName(name);
            assertThat(log.isInstrumented(type)).as("%s: %s", name, log.failure(type)).isTrue();
        }
    }

    private static String selectorClass() {
        try (Selector selector = Selector.open()) {
            return selector.getClass().getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLineEchoedOverStreamsPasses() {
        EngineRuns.run(SocketPrograms.class, "lineEcho").assertPassedAll(30);
    }

    @Test
    void anEchoOverBlockingChannelsPasses() {
        EngineRuns.run(SocketPrograms.class, "channelEcho").assertPassedAll(30);
    }

    @Test
    void aSelectEndsWhenAnotherThreadWakesTheSelector() {
        EngineRuns.run(SocketPrograms.class, "selectEndedByWakeup").assertPassedAll(30);
    }

    @Test
    void aSelectEndsWhenAnotherThreadClosesTheSelector() {
        EngineRuns.run(SocketPrograms.class, "selectEndedByClose").assertPassedAll(30);
    }

    @Test
    void aSelectThatWasWaitingWhenTheSelectorClosedReturnsInsteadOfThrowing() {
        ConcurrencyFailure failure = EngineRuns.run(SocketPrograms.class, "selectAlwaysThrowsWhenClosed").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(failure.getCause()).hasMessageContaining("what the select did")
                .hasMessageContaining("\"returned\"");
        assertThat(failure.getMessage()).containsPattern("select \\w*Selector\\w*#1: closed by another");
    }

    @Test
    void everyInterleavingOfCloseAndWakeupWithABlockedCallPasses() {
        for (String program : List.of("selectEndedByWakeup", "selectEndedByClose", "acceptEndedByClose",
                "readEndsAtPeerClose")) {
            EngineRuns run = EngineRuns.run(SocketPrograms.class, program, "interleave.strategy", "EXHAUSTIVE",
                    "interleave.schedules", "1000");
            assertThat(run.passed()).as("%s: %s", program, run.result).isTrue();
            assertThat(Integer.parseInt(run.entries.get("interleave.interleavings"))).as(program)
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aSelectorServerWakesForAConnectionAndForData() {
        EngineRuns.run(SocketPrograms.class, "selectorServer").assertPassedAll(30);
    }

    @Test
    void theSameSeedExploresTheSameSchedulesOfBlockingCallsWhateverTheKernelDeliveredWhen() {
        for (String program : List.of("lineEcho", "channelEcho", "readEndsAtPeerClose")) {
            // RANDOM: the portfolio's SURW also learns from how a JVM's first exploration ran static initializers
            EngineRuns first = EngineRuns.run(SocketPrograms.class, program, "interleave.strategy", "RANDOM")
                    .assertPassedAll(30);
            EngineRuns second = EngineRuns.run(SocketPrograms.class, program, "interleave.strategy", "RANDOM")
                    .assertPassedAll(30);
            for (String entry : List.of("interleave.steps", "interleave.interleavings", "interleave.longestSchedule")) {
                assertThat(second.entries.get(entry)).as("%s %s", program, entry).isEqualTo(first.entries.get(entry));
            }
        }
    }

    @Test
    void theSameSeedExploresTheSameSchedulesOfASelectorLoopWhateverTheKernelDeliveredWhen() {
        // RANDOM first: the default portfolio's SURW also learns from how a JVM's first exploration ran static
        // initializers, which the RANDOM runs have run by then
        for (String strategy : List.of("RANDOM", "default")) {
            String[] parameters = strategy.equals("default") ? new String[0]
                    : new String[] {"interleave.strategy", strategy};
            EngineRuns first = EngineRuns.run(SocketPrograms.class, "selectorServerWithAction", parameters)
                    .assertPassedAll(30);
            EngineRuns second = EngineRuns.run(SocketPrograms.class, "selectorServerWithAction", parameters)
                    .assertPassedAll(30);
            for (String entry : List.of("interleave.steps", "interleave.interleavings", "interleave.longestSchedule")) {
                assertThat(second.entries.get(entry)).as("%s %s", strategy, entry)
                        .isNotNull().isEqualTo(first.entries.get(entry));
            }
        }
    }

    @Test
    void aSelectorServersFailureIsFoundAndReplays() {
        ConcurrencyFailure found = EngineRuns.run(SocketPrograms.class, "selectorServerExpectsTheFirstClientFirst",
                "interleave.strategy", "RANDOM").failure();

        assertThat(found.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(found.getCause()).hasMessageContaining("bytes in the order of the connections");
        ConcurrencyFailure again = EngineRuns.run(SocketPrograms.class, "selectorServerExpectsTheFirstClientFirst",
                "interleave.strategy", "RANDOM").failure();
        assertThat(again.schedule()).as("the same seed fails at the same schedule").isEqualTo(found.schedule());
        String file = found.scheduleFile().orElseThrow().toString();
        for (int i = 0; i < 2; i++) {
            ConcurrencyFailure replayed = EngineRuns.run(SocketPrograms.class,
                    "selectorServerExpectsTheFirstClientFirst", "interleave.replay", file).failure();
            assertThat(replayed.getMessage()).contains("failed when replaying");
            assertThat(EngineRuns.interleaving(replayed)).isEqualTo(EngineRuns.interleaving(found));
        }
    }

    @Test
    void anAcceptEndsWhenAnotherThreadClosesTheServerSocket() {
        EngineRuns.run(SocketPrograms.class, "acceptEndedByClose").assertPassedAll(30);
    }

    @Test
    void aReadEndsAtTheEndOfTheStreamWhenThePeerCloses() {
        EngineRuns.run(SocketPrograms.class, "readEndsAtPeerClose").assertPassedAll(30);
    }

    @Test
    void aReadTimesOutInVirtualTime() {
        EngineRuns.run(SocketPrograms.class, "readTimesOut").assertPassedAll(10);
    }

    @Test
    void bothEndsReadingFirstIsADeadlockThatNamesTheSockets() {
        ConcurrencyFailure failure = EngineRuns.run(SocketPrograms.class, "bothEndsReadFirst").failure();

        assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
        assertThat(failure.schedule()).isEqualTo(1);
        assertThat(failure.getMessage())
                .containsPattern("thread 0 \\(interleave-test\\) waits to read from Socket#\\d \\(port \\d+ to \\d+\\)"
                        + ", and no thread is left to write to its peer Socket#\\d or to close either end at "
                        + "SocketPrograms.bothEndsReadFirst\\(SocketPrograms.java:\\d+\\)")
                .containsPattern("thread 1 \\(server\\) waits to read from Socket#\\d");
    }

    @Test
    void aLostUpdateBetweenTwoServerThreadsIsFoundAndReplays() throws IOException {
        ConcurrencyFailure found = EngineRuns.run(SocketPrograms.class, "connectionsCountedWithoutSynchronization")
                .failure();

        assertThat(found.kind()).isEqualTo(ConcurrencyFailure.Kind.EXCEPTION);
        assertThat(found.getCause()).hasMessageContaining("connections handled");
        String file = found.scheduleFile().orElseThrow().toString();
        for (int i = 0; i < 2; i++) {
            ConcurrencyFailure replayed = EngineRuns.run(SocketPrograms.class,
                    "connectionsCountedWithoutSynchronization", "interleave.replay", file).failure();
            assertThat(replayed.getMessage()).contains("failed when replaying");
            assertThat(EngineRuns.interleaving(replayed)).isEqualTo(EngineRuns.interleaving(found));
        }
    }

    @Test
    void aFixedPortLeftOpenIsFreeAgainInTheNextSchedule() throws IOException {
        int port = freePort();
        System.setProperty(SocketPrograms.FIXED_PORT, Integer.toString(port));
        try {
            EngineRuns.run(SocketPrograms.class, "fixedPortLeftOpenPasses").assertPassedAll(20);
        } finally {
            System.clearProperty(SocketPrograms.FIXED_PORT);
        }
        assertPortFree(port);
    }

    @Test
    void aFixedPortLeftOpenByAnAbandonedScheduleIsFreeAgainInTheNext() throws IOException {
        int port = freePort();
        System.setProperty(SocketPrograms.FIXED_PORT, Integer.toString(port));
        try {
            ConcurrencyFailure failure = EngineRuns.run(SocketPrograms.class, "fixedPortLeftOpen").failure();
            assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
            // each replay binds the port again, after the abandoned schedule before it
            for (int i = 0; i < 2; i++) {
                ConcurrencyFailure replayed = EngineRuns.run(SocketPrograms.class, "fixedPortLeftOpen",
                        "interleave.replay", failure.scheduleFile().orElseThrow().toString()).failure();
                assertThat(replayed.kind()).as(replayed.getMessage()).isEqualTo(ConcurrencyFailure.Kind.DEADLOCK);
                assertThat(EngineRuns.interleaving(replayed)).isEqualTo(EngineRuns.interleaving(failure));
            }
        } finally {
            System.clearProperty(SocketPrograms.FIXED_PORT);
        }
        assertPortFree(port);
    }

    @Test
    void aReadFromAServerOutsideTheTestGoesToTheOutsideWhenNoThreadOfTheTestCanRun() throws Exception {
        try (ServerSocket outside = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerPings(outside), "outside-server");
            server.setDaemon(true);
            server.start();
            System.setProperty(SocketPrograms.OUTSIDE_PORT, Integer.toString(outside.getLocalPort()));
            try {
                EngineRuns.run(SocketPrograms.class, "outsideServer").assertPassedAll(5);
            } finally {
                System.clearProperty(SocketPrograms.OUTSIDE_PORT);
            }
        }
    }

    @Test
    void aReadThatTheOutsideNeverAnswersIsBoundedByTheWatchdogAndSaysSo() throws Exception {
        try (ServerSocket outside = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            System.setProperty(SocketPrograms.OUTSIDE_PORT, Integer.toString(outside.getLocalPort()));
            try {
                // the connection waits in the outside server's backlog, which never accepts it nor answers
                EngineRuns run = EngineRuns.run(SocketPrograms.class, "outsideServer",
                        "interleave.watchdog.millis", "1500");
                ConcurrencyFailure failure = run.failure();
                assertThat(failure.kind()).isEqualTo(ConcurrencyFailure.Kind.HANG);
                assertThat(failure.getMessage())
                        .containsPattern("thread 0 \\(interleave-test\\) waits to read from Socket\\[.*\\] "
                                + "\\(port \\d+ to " + outside.getLocalPort() + "\\) for \\d+ ms")
                        .contains("left to the outside of the test")
                        .doesNotContain("could not be stopped");
            } finally {
                System.clearProperty(SocketPrograms.OUTSIDE_PORT);
            }
        }
    }

    /** Answers each line "ping" with "pong", connection after connection, until {@code server} is closed. */
    private static void answerPings(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket connection = server.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                            StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(connection.getOutputStream(), true,
                            StandardCharsets.UTF_8)) {
                if ("ping".equals(in.readLine())) {
                    out.println("pong");
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void assertPortFree(int port) throws IOException {
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
