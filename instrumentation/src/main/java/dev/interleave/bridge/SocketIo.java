package dev.interleave.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.Set;

/**
 * The hooks of blocking socket, server-socket, channel and selector calls, inlined into the JDK's public entry points
 * ({@code Socket.connect}, {@code ServerSocket.accept}, the channels' {@code accept/read/write/connect}, a selector's
 * {@code select} and {@code wakeup}). A managed thread that would block waits in the scheduler until another managed
 * thread's connect, write, close or wakeup lets the call go on; every other thread goes straight through.
 */
public final class SocketIo {

    /** {@code accept} on a server socket or server socket channel. */
    public static final int ACCEPT = 0;
    /** {@code read} on a socket's input stream or a socket channel. */
    public static final int READ = 1;
    /** {@code select} on a selector. */
    public static final int SELECT = 2;

    /** {@link ThreadEvents#ioAwait}: the call may go on. */
    public static final int PROCEED = 0;
    /** {@link ThreadEvents#ioAwait}: the selector was closed while the thread waited, so its select returns 0. */
    public static final int CLOSED_WHILE_WAITING = 1;
    /** {@link ThreadEvents#ioAwait}: the call's timeout passed (virtual time). */
    public static final int TIMED_OUT = 2;

    /** {@link ThreadEvents#ioKeys}: the keys of the set, in the order the schedule registered them. */
    public static final int KEYS_IN_ORDER = 0;
    /** {@link ThreadEvents#ioKeys}: whether the set holds the key. */
    public static final int KEYS_CONTAINS = 1;
    /** {@link ThreadEvents#ioKeys}: remove the key from the set. */
    public static final int KEYS_REMOVE = 2;
    /** {@link ThreadEvents#ioKeys}: empty the set. */
    public static final int KEYS_CLEAR = 3;
    /** {@link ThreadEvents#ioKeys}: how many keys the set holds. */
    public static final int KEYS_SIZE = 4;

    private SocketIo() {
    }

    /**
     * This thread is about to {@code action} {@code target}: a socket, server socket, network channel or selector
     * (the hook of {@code close()} is shared by every channel, so other channels are let through here).
     */
    public static void acting(Object target, String action) {
        ThreadEvents events = Bridge.current();
        if (events != null && (!(target instanceof java.nio.channels.Channel)
                || target instanceof java.nio.channels.NetworkChannel)) {
            events.ioAction(target, action);
        }
    }

    /** A socket or socket channel connected (a connect that returned, or a non-blocking one that finished). */
    public static void connected(Object endpoint) {
        ThreadEvents events = Bridge.current();
        if (events != null) {
            events.ioConnected(endpoint);
        }
    }

    /** A server socket or server socket channel was bound: it holds a port until closed. */
    public static void bound(Object server) {
        ThreadEvents events = Bridge.current();
        if (events != null) {
            events.ioBound(server);
        }
    }

    /** {@code ServerSocket.accept()} is about to run. */
    public static void beforeAccept(Object serverSocket) throws IOException {
        ServerSocket server = (ServerSocket) serverSocket;
        ThreadEvents events = Bridge.current();
        if (events != null && events.ioAwait(ACCEPT, server, server.isClosed() ? -1
                : timeoutNanos(server.getSoTimeout())) == TIMED_OUT) {
            throw new SocketTimeoutException("Accept timed out");
        }
    }

    /**
     * A server socket channel's {@code accept()} is about to run: it waits in the scheduler only in blocking mode;
     * in either mode a connection the model says was made is in the kernel before it runs.
     */
    public static void beforeChannelAccept(SelectableChannel server) {
        ThreadEvents events = Bridge.current();
        if (events != null) {
            if (server.isBlocking()) {
                events.ioAwait(ACCEPT, server, -1);
            }
            events.ioSettle(ACCEPT, server);
        }
    }

    /** An accept returned {@code endpoint} (null when a non-blocking accept found no connection). */
    public static void accepted(Object server, Object endpoint) {
        ThreadEvents events = Bridge.current();
        if (events != null && endpoint != null) {
            events.ioAccepted(server, endpoint);
        }
    }

    /**
     * A socket channel's {@code read} is about to run: it waits in the scheduler only in blocking mode; in either
     * mode the bytes the model says were sent are in the kernel before it runs.
     */
    public static void beforeChannelRead(SelectableChannel channel) {
        ThreadEvents events = Bridge.current();
        if (events != null) {
            if (channel.isBlocking()) {
                events.ioAwait(READ, channel, -1);
            }
            events.ioSettle(READ, channel);
        }
    }

    /** {@code count} bytes were read from ({@code written} false) or written to {@code endpoint}. */
    public static void transferred(Object endpoint, long count, boolean written) {
        ThreadEvents events = Bridge.current();
        if (events != null && count > 0) {
            events.ioTransferred(endpoint, count, written);
        }
    }

    /**
     * A selector's {@code select} is about to run, with {@code timeoutMillis} (0: none; negative: {@code selectNow},
     * which never waits). Returns true when the select must not run (it returns 0): the selector was closed while
     * the thread waited, or the timeout passed. A select that runs finds ready in the kernel every key the model
     * says is ready.
     */
    public static boolean beforeSelect(Object selector, long timeoutMillis) {
        ThreadEvents events = Bridge.current();
        if (events == null) {
            return false;
        }
        if (timeoutMillis >= 0
                && events.ioAwait(SELECT, selector, timeoutMillis == 0 ? -1 : timeoutMillis * 1_000_000L) != PROCEED) {
            return true;
        }
        events.ioSettle(SELECT, selector);
        return false;
    }

    /** A select returned: a wakeup before it is used up. */
    public static void selected(Object selector) {
        ThreadEvents events = Bridge.current();
        if (events != null) {
            events.ioSelected(selector);
        }
    }

    /** A selector registered a channel: {@code key} is its new key. */
    public static void registered(Object key) {
        ThreadEvents events = Bridge.current();
        if (events != null && key != null) {
            events.ioRegistered(key);
        }
    }

    /**
     * {@code selector.selectedKeys()} or {@code selector.keys()} returned {@code keys}: a managed thread iterates them
     * in the order they were registered (see {@link RegisteredOrderKeys}).
     */
    public static Set<SelectionKey> keys(Set<SelectionKey> keys) {
        return keys == null || keys instanceof RegisteredOrderKeys || Bridge.current() == null
                ? keys : new RegisteredOrderKeys(keys);
    }

    /**
     * The {@code operation} ({@link #KEYS_IN_ORDER} and the rest) on a selector's key set itself; in the order of
     * the set, which is all that a thread outside a schedule can know.
     */
    public static Object onKeys(Set<SelectionKey> keys, int operation, Object key) {
        switch (operation) {
            case KEYS_IN_ORDER:
                return keys.toArray();
            case KEYS_CONTAINS:
                return keys.contains(key);
            case KEYS_REMOVE:
                return keys.remove(key);
            case KEYS_CLEAR:
                keys.clear();
                return null;
            case KEYS_SIZE:
                return keys.size();
            default:
                throw new IllegalArgumentException("no operation " + operation + " on a selector's keys");
        }
    }

    /** {@code selector.wakeup()} is about to run. */
    public static void wakeup(Object selector) {
        ThreadEvents events = Bridge.current();
        if (events != null) {
            events.ioAction(selector, "wakeup");
            events.ioWakeup(selector);
        }
    }

    /** {@code socket.getInputStream()} returned {@code in}: a managed thread reads through a stream that waits. */
    public static InputStream input(Object socket, InputStream in) {
        return in == null || in instanceof ManagedSocketInput || Bridge.current() == null
                ? in : new ManagedSocketInput((Socket) socket, in);
    }

    /** {@code socket.getOutputStream()} returned {@code out}: a managed thread writes through a stream that counts. */
    public static OutputStream output(Object socket, OutputStream out) {
        return out == null || out instanceof ManagedSocketOutput || Bridge.current() == null
                ? out : new ManagedSocketOutput((Socket) socket, out);
    }

    /** A read of a socket's input stream is about to run; returns the bytes other managed threads sent and no read took. */
    static long beforeStreamRead(Socket socket) throws IOException {
        ThreadEvents events = Bridge.current();
        if (events == null) {
            return 0;
        }
        if (events.ioAwait(READ, socket, socket.isClosed() ? -1 : timeoutNanos(socket.getSoTimeout())) == TIMED_OUT) {
            throw new SocketTimeoutException("Read timed out");
        }
        return events.ioPending(socket);
    }

    private static long timeoutNanos(int millis) {
        return millis == 0 ? -1 : millis * 1_000_000L;
    }
}
