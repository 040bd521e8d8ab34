package dev.interleave.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
    /** A blocking {@code write} to a socket's output stream or a socket channel whose peer's buffers are full. */
    public static final int WRITE = 3;
    /** {@code receive} on a datagram socket or a datagram channel. */
    public static final int RECEIVE = 4;

    /** {@link ThreadEvents#ioAwait}: the call may go on. */
    public static final int PROCEED = 0;
    /** {@link ThreadEvents#ioAwait}: the selector was closed while the thread waited, so its select returns 0. */
    public static final int CLOSED_WHILE_WAITING = 1;
    /** {@link ThreadEvents#ioAwait}: the call's timeout passed (virtual time). */
    public static final int TIMED_OUT = 2;
    /**
     * {@link ThreadEvents#ioAwait} of a receive: a datagram a managed thread sent is there, and the model counts it
     * as taken by this receive already, so that another thread's receive on the same socket, which may run before
     * this one gets to the kernel, waits for the next.
     */
    public static final int TAKEN = 3;

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
            events.ioSettle(ACCEPT, server, Long.MAX_VALUE);
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
     * A socket channel's {@code read} into {@code buffers} is about to run: it waits in the scheduler only in
     * blocking mode; in either mode the bytes the model says were sent, as many as fit in the buffers, are in the
     * kernel before it runs.
     */
    public static void beforeChannelRead(SelectableChannel channel, Object buffers) {
        ThreadEvents events = Bridge.current();
        if (events != null) {
            if (channel.isBlocking()) {
                events.ioAwait(READ, channel, -1);
            }
            events.ioSettle(READ, channel, room(buffers));
        }
    }

    /** How long a read waits for the kernel to deliver the next part of what a managed peer already sent. */
    private static final long DELIVERY_NANOS = 2_000_000_000L;

    /** Set while {@link #channelRead} reads through the channel's own {@code read}, which then runs as it is. */
    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    /**
     * A socket channel's {@code read(dst)} is about to run. In blocking mode it waits in the scheduler first; then
     * what managed peers sent and fits in {@code dst} is read here, as the kernel delivers it (waiting at most a
     * bounded real time for each part: the kernel moves on what the peer's send buffer holds only as this end
     * reads), through the channel's own {@code read}, whose hooks count it. Returns the bytes read here, which the
     * read then returns without running; 0 when there were none to read here (the end of the stream, a closed
     * channel, a peer outside the test), and the read runs as it is.
     */
    public static int channelRead(SelectableChannel channel, java.nio.ByteBuffer dst) throws IOException {
        ThreadEvents events = Bridge.current();
        if (events == null || READING.get() != null || dst == null) {
            return 0;
        }
        if (channel.isBlocking()) {
            events.ioAwait(READ, channel, -1);
        }
        int wanted = (int) Math.min(dst.remaining(), events.ioPending(channel));
        if (wanted <= 0) {
            events.ioSettle(READ, channel, dst.remaining());
            return 0;
        }
        InputStream in = ((java.nio.channels.SocketChannel) channel).socket().getInputStream();
        READING.set(Boolean.TRUE);
        try {
            int got = 0;
            long until = System.nanoTime() + DELIVERY_NANOS;
            while (got < wanted) {
                int available = channel.isOpen() ? in.available() : 0;
                if (available > 0) {
                    int limit = dst.limit();
                    dst.limit(dst.position() + Math.min(available, wanted - got));
                    int n;
                    try {
                        n = ((java.nio.channels.ReadableByteChannel) channel).read(dst);
                    } finally {
                        dst.limit(limit);
                    }
                    if (n < 0) {
                        break;
                    }
                    got += n;
                    until = System.nanoTime() + DELIVERY_NANOS;
                } else if (!channel.isOpen() || System.nanoTime() > until) {
                    break;
                } else {
                    Thread.yield();
                }
            }
            return got;
        } finally {
            READING.remove();
        }
    }

    /** How many bytes fit in a read's buffer, or its buffers. */
    private static long room(Object buffers) {
        if (buffers instanceof java.nio.ByteBuffer) {
            return ((java.nio.ByteBuffer) buffers).remaining();
        }
        long room = 0;
        if (buffers instanceof java.nio.ByteBuffer[]) {
            for (java.nio.ByteBuffer buffer : (java.nio.ByteBuffer[]) buffers) {
                room += buffer == null ? 0 : buffer.remaining();
            }
        }
        return room;
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
        events.ioSettle(SELECT, selector, Long.MAX_VALUE);
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

    /**
     * A write of {@code wanted} bytes to a socket's output stream is about to run: returns how many of them the
     * kernel takes now without blocking, as the model counts it (at least 1). When the peer, a socket of the test,
     * has not read what the buffers between them hold, the thread waits in the scheduler until it reads or either
     * end closes.
     */
    static long beforeStreamWrite(Socket socket, long wanted) {
        ThreadEvents events = Bridge.current();
        return events == null ? wanted : room(events, socket, wanted);
    }

    /**
     * A blocking socket channel's {@code write} of {@code src} is about to run. The part that fits in the buffers
     * between the channel and its peer, as the model counts them, is left to the write itself; what does not fit is
     * written here first, a part each time the peer read enough, through the channel's own {@code write}, whose hooks
     * count it. Returns the bytes written here, which the write's result includes.
     */
    public static long beforeChannelWrite(Object channel, java.nio.ByteBuffer src) throws IOException {
        ThreadEvents events = Bridge.current();
        if (events == null || !((SelectableChannel) channel).isBlocking() || src == null) {
            return 0;
        }
        long written = 0;
        while (src.hasRemaining()) {
            long room = room(events, channel, src.remaining());
            if (room >= src.remaining()) {
                break;
            }
            int limit = src.limit();
            src.limit(src.position() + (int) room);
            try {
                written += ((java.nio.channels.WritableByteChannel) channel).write(src);
            } finally {
                src.limit(limit);
            }
        }
        return written;
    }

    /** A write returned {@code count}; the bytes {@link #beforeChannelWrite} wrote come on top. */
    public static Object withEarlierWrites(Object count, long earlier) {
        if (earlier == 0) {
            return count;
        }
        return count instanceof Long ? (Object) ((Long) count + earlier) : (Object) (int) ((Integer) count + earlier);
    }

    /**
     * {@code DatagramSocket.receive} is about to run: it waits in the scheduler until a managed thread sent a
     * datagram to its port that no receive took yet, the socket closes, or its timeout passes (virtual time).
     */
    public static void beforeReceive(Object socket) throws IOException {
        DatagramSocket datagrams = (DatagramSocket) socket;
        ThreadEvents events = Bridge.current();
        if (events != null && events.ioAwait(RECEIVE, datagrams, datagrams.isClosed() ? -1
                : timeoutNanos(datagrams.getSoTimeout())) == TIMED_OUT) {
            throw new SocketTimeoutException("Receive timed out");
        }
    }

    /**
     * A datagram channel's {@code receive} is about to run: it waits in the scheduler only in blocking mode. Returns
     * whether the model counted the datagram as taken already ({@link #TAKEN}).
     */
    public static boolean beforeChannelReceive(SelectableChannel channel) {
        ThreadEvents events = Bridge.current();
        return events != null && channel.isBlocking() && events.ioAwait(RECEIVE, channel, -1) == TAKEN;
    }

    /** A non-blocking receive of {@code socket}, a datagram channel, returned a datagram. */
    public static void received(Object socket) {
        ThreadEvents events = Bridge.current();
        if (events != null) {
            events.ioDatagramReceived(socket);
        }
    }

    /** Set while a {@code DatagramSocket.send} runs, whose datagram channel underneath sends for it. */
    private static final ThreadLocal<Boolean> SENDING = new ThreadLocal<>();

    /** {@code DatagramSocket.send(packet)} is about to run: a scheduling point. */
    public static void beforeSend(Object socket) {
        acting(socket, "send");
        SENDING.set(Boolean.TRUE);
    }

    /**
     * A datagram channel's {@code send(src, target)} is about to run: a scheduling point, unless a
     * {@code DatagramSocket.send} sends through it. Returns whether its datagram is to be counted when it returns.
     */
    public static boolean beforeChannelSend(Object channel) {
        if (SENDING.get() != null) {
            return false;
        }
        acting(channel, "send");
        return true;
    }

    /**
     * {@code DatagramSocket.send(packet)} returned, or threw {@code thrown}: a datagram went to the packet's port,
     * or the connected one.
     */
    public static void sent(Object socket, Object packet, Throwable thrown) {
        SENDING.remove();
        ThreadEvents events = Bridge.current();
        if (events != null && thrown == null) {
            DatagramPacket datagram = (DatagramPacket) packet;
            DatagramSocket sender = (DatagramSocket) socket;
            InetAddress address = datagram.getAddress();
            int port = datagram.getPort();
            if (address == null) {
                address = sender.getInetAddress();
                port = sender.getPort();
            }
            if (local(address)) {
                events.ioDatagramSent(socket, port);
            }
        }
    }

    /** A datagram channel's {@code send(src, target)} returned {@code count}: a datagram went to the target's port. */
    public static void sent(Object channel, Object target, int count, boolean emptyDatagram, boolean counted) {
        ThreadEvents events = Bridge.current();
        if (events != null && counted && (count > 0 || emptyDatagram) && target instanceof InetSocketAddress
                && local(((InetSocketAddress) target).getAddress())) {
            events.ioDatagramSent(channel, ((InetSocketAddress) target).getPort());
        }
    }

    /** Whether a datagram to {@code address} stays on this host, where a socket of the test may receive it. */
    private static boolean local(InetAddress address) {
        return address != null && (address.isLoopbackAddress() || address.isAnyLocalAddress());
    }

    private static long room(ThreadEvents events, Object endpoint, long wanted) {
        long room = events.ioRoom(endpoint);
        if (room <= 0) {
            events.ioAwait(WRITE, endpoint, -1);
            room = events.ioRoom(endpoint);
        }
        // a closed end, or one whose peer is outside the test, lets the real write decide
        return room <= 0 ? wanted : Math.min(room, wanted);
    }

    private static long timeoutNanos(int millis) {
        return millis == 0 ? -1 : millis * 1_000_000L;
    }
}
