package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import dev.interleave.ConcurrencyTest;

/**
 * A localhost echo server over blocking sockets: a server thread accepts two clients and hands each to a thread of
 * its own, which echoes one line and counts the request as served.
 */
class EchoServerTest {

    /** Counts served requests in a plain field: two handlers that count at once can lose one. */
    static class EchoServer implements AutoCloseable {
        private final ServerSocket listener;
        private int served;

        EchoServer() throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }

        int port() {
            return listener.getLocalPort();
        }

        void serve(int clients) throws IOException, InterruptedException {
            Thread[] handlers = new Thread[clients];
            for (int i = 0; i < clients; i++) {
                Socket client = listener.accept();
                handlers[i] = new Thread(() -> {
                    echo(client);
                    served++;
                });
                handlers[i].start();
            }
            for (Thread handler : handlers) {
                handler.join();
            }
        }

        int served() {
            return served;
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    /** Counts served requests in an atomic counter. */
    static class CountingEchoServer implements AutoCloseable {
        private final ServerSocket listener;
        private final AtomicInteger served = new AtomicInteger();

        CountingEchoServer() throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }

        int port() {
            return listener.getLocalPort();
        }

        void serve(int clients) throws IOException, InterruptedException {
            Thread[] handlers = new Thread[clients];
            for (int i = 0; i < clients; i++) {
                Socket client = listener.accept();
                handlers[i] = new Thread(() -> {
                    echo(client);
                    served.incrementAndGet();
                });
                handlers[i].start();
            }
            for (Thread handler : handlers) {
                handler.join();
            }
        }

        int served() {
            return served.get();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    private static void echo(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(client.getOutputStream(), true,
                StandardCharsets.UTF_8)) {
            out.println(in.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ask(int port, String line) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            out.println(line);
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Server {
        void serve(int clients) throws IOException, InterruptedException;
    }

    private static void serveTwoClients(Server server, int port) throws InterruptedException {
        Thread serving = new Thread(() -> {
            try {
                server.serve(2);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        serving.start();
        String[] answers = new String[2];
        Thread other = new Thread(() -> answers[1] = ask(port, "basket"));
        other.start();
        answers[0] = ask(port, "receipt");
        other.join();
        serving.join();
        assertEquals("receipt", answers[0]);
        assertEquals("basket", answers[1]);
    }

    @ConcurrencyTest(seed = "1313", schedules = 100)
    void handlersLoseAServedRequest() throws Exception {
        try (EchoServer server = new EchoServer()) {
            serveTwoClients(server::serve, server.port());
            assertEquals(2, server.served(), "served requests");
        }
    }

    @ConcurrencyTest(seed = "1313", schedules = 100)
    void handlersCountEveryServedRequest() throws Exception {
        try (CountingEchoServer server = new CountingEchoServer()) {
            serveTwoClients(server::serve, server.port());
            assertEquals(2, server.served(), "served requests");
        }
    }
}
