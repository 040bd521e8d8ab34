package dev.interleave.scheduler;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.interleave.bridge.SocketIo;

/**
 * What one schedule's managed threads did with sockets on the loopback interface, as far as it decides whether a
 * blocking call can go on: the connections they made (by port pairs), the bytes each end sent and read, the wakeups
 * of selectors. Whether a call can go on is then a function of the managed threads' actions alone, never of when the
 * kernel delivered something, so a schedule replays the same. Closed sockets and channels are read from their own
 * flags, which {@code close()} sets before it returns.
 *
 * <p>Also keeps every socket, server socket and channel the schedule's threads opened, so that those a schedule left
 * open are closed before the next schedule binds the same port.
 */
final class IoModel {

    /** One end of a connection: a {@code Socket} or a {@code SocketChannel}. */
    private static final class End {
        final Object resource;
        final int local;
        final int remote;
        long received;

        End(Object resource, int local, int remote) {
            this.resource = resource;
            this.local = local;
            this.remote = remote;
        }
    }

    private final Map<Object, End> ends = new IdentityHashMap<>();
    private final Map<Long, End> byPorts = new HashMap<>();
    /** Bytes sent from one port to another, by {@link #key}. */
    private final Map<Long, Long> sent = new HashMap<>();
    /** Per listening port: connections that managed threads made, and connections accepted. */
    private final Map<Integer, Integer> connects = new HashMap<>();
    private final Map<Integer, Integer> accepts = new HashMap<>();
    private final Map<Object, Integer> serverPorts = new IdentityHashMap<>();
    private final Set<Object> wakeups = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Closeable> opened = new ArrayList<>();
    /** Datagrams that managed threads sent to a port of this host, and that receives on that port took. */
    private final Map<Integer, Integer> datagramsSent = new HashMap<>();
    private final Map<Integer, Integer> datagramsReceived = new HashMap<>();
    private final Set<Object> datagramSockets = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Selection keys in the order the schedule's threads registered them. */
    private final Map<Object, Integer> registrations = new IdentityHashMap<>();

    /** The local and remote port of a socket, socket channel, server socket or server socket channel. */
    static int[] ports(Object resource) {
        if (resource instanceof Socket) {
            Socket socket = (Socket) resource;
            return new int[] {socket.getLocalPort(), socket.getPort()};
        }
        if (resource instanceof SocketChannel) {
            Socket socket = ((SocketChannel) resource).socket();
            return new int[] {socket.getLocalPort(), socket.getPort()};
        }
        if (resource instanceof ServerSocket) {
            return new int[] {((ServerSocket) resource).getLocalPort(), 0};
        }
        if (resource instanceof ServerSocketChannel) {
            return new int[] {((ServerSocketChannel) resource).socket().getLocalPort(), 0};
        }
        if (resource instanceof DatagramSocket || resource instanceof DatagramChannel) {
            return new int[] {localPort(resource), 0};
        }
        return new int[] {-1, 0};
    }

    synchronized void connected(Object endpoint, int[] ports) {
        if (register(endpoint, ports)) {
            connects.merge(ports[1], 1, Integer::sum);
        }
    }

    synchronized void accepted(Object server, Object endpoint, int[] ports) {
        register(endpoint, ports);
        Integer port = serverPorts.get(server);
        accepts.merge(port == null ? ports[0] : port, 1, Integer::sum);
    }

    synchronized void bound(Object server, int[] ports) {
        if (serverPorts.put(server, ports[0]) == null && server instanceof Closeable) {
            opened.add((Closeable) server);
        }
    }

    private boolean register(Object endpoint, int[] ports) {
        if (ends.containsKey(endpoint) || ports[0] <= 0 || ports[1] <= 0) {
            return false;
        }
        End end = new End(endpoint, ports[0], ports[1]);
        ends.put(endpoint, end);
        byPorts.put(key(end.local, end.remote), end);
        if (endpoint instanceof Closeable) {
            opened.add((Closeable) endpoint);
        }
        return true;
    }

    synchronized void transferred(Object endpoint, long count, boolean written) {
        End end = ends.get(endpoint);
        if (end == null) {
            return;
        }
        if (written) {
            sent.merge(key(end.local, end.remote), count, Long::sum);
        } else {
            end.received += count;
        }
    }

    /** The bytes managed peers sent to {@code endpoint} that no read of it took yet. */
    synchronized long pending(Object endpoint) {
        End end = ends.get(endpoint);
        return end == null ? 0 : sent.getOrDefault(key(end.remote, end.local), 0L) - end.received;
    }

    /**
     * How many bytes a write to {@code endpoint} can add to what its peer has not read yet before the buffers between
     * them are full: {@code Long.MAX_VALUE} when no managed thread owns the peer. The buffers hold at least the
     * writer's send buffer and the reader's receive buffer, as the sockets report their sizes (Linux holds about
     * twice that), so a write the model lets through never blocks in the kernel for long.
     */
    synchronized long room(Object endpoint) {
        End end = ends.get(endpoint);
        Object reader = end == null ? null : reader(end);
        if (reader == null) {
            return Long.MAX_VALUE;
        }
        End peer = byPorts.get(key(end.remote, end.local));
        long unread = sent.getOrDefault(key(end.local, end.remote), 0L) - (peer == null ? 0 : peer.received);
        return Math.max(0, capacity(end.resource, reader) - unread);
    }

    /**
     * What reads what {@code end} writes, if a managed thread owns it: its peer, or, until a thread accepts the
     * connection, the server socket of the test that listens on the port it connected to (whose buffer sizes the
     * accepted socket takes).
     */
    private Object reader(End end) {
        End peer = byPorts.get(key(end.remote, end.local));
        if (peer != null) {
            return peer.resource;
        }
        for (Map.Entry<Object, Integer> server : serverPorts.entrySet()) {
            if (server.getValue() == end.remote && !isClosed(server.getKey())) {
                return server.getKey();
            }
        }
        return null;
    }

    private static long capacity(Object writer, Object reader) {
        try {
            return (long) socket(writer).getSendBufferSize() + receiveBufferSize(reader);
        } catch (java.net.SocketException | RuntimeException closed) {
            return Long.MAX_VALUE; // the write reports the closed socket itself
        }
    }

    private static int receiveBufferSize(Object reader) throws java.net.SocketException {
        if (reader instanceof ServerSocket) {
            return ((ServerSocket) reader).getReceiveBufferSize();
        }
        if (reader instanceof ServerSocketChannel) {
            return ((ServerSocketChannel) reader).socket().getReceiveBufferSize();
        }
        return socket(reader).getReceiveBufferSize();
    }

    private static Socket socket(Object endpoint) {
        return endpoint instanceof SocketChannel ? ((SocketChannel) endpoint).socket() : (Socket) endpoint;
    }

    private boolean writable(Object endpoint) {
        End end = ends.get(endpoint);
        Object reader = end == null ? null : reader(end);
        return reader == null || cannotWrite(endpoint) || isClosed(reader) || room(endpoint) > 0;
    }

    /** A write to {@code endpoint} fails at once: it was closed, or its output shut down. */
    private static boolean cannotWrite(Object endpoint) {
        return endpoint instanceof Socket ? ((Socket) endpoint).isClosed() || ((Socket) endpoint).isOutputShutdown()
                : isClosed(endpoint);
    }

    synchronized void wakeup(Object selector) {
        wakeups.add(selector);
    }

    synchronized void selected(Object selector) {
        wakeups.remove(selector);
    }

    synchronized void datagramSent(Object socket, int port) {
        datagramSocket(socket);
        datagramsSent.merge(port, 1, Integer::sum);
    }

    /** A receive of {@code socket} took a datagram; one from outside the test is not counted. */
    synchronized void datagramReceived(Object socket) {
        datagramSocket(socket);
        if (datagramWaiting(socket)) {
            datagramsReceived.merge(localPort(socket), 1, Integer::sum);
        }
    }

    /** A datagram socket or channel the schedule's threads use, which is closed with the schedule's leftovers. */
    synchronized void datagramSocket(Object socket) {
        if (datagramSockets.add(socket) && socket instanceof Closeable) {
            opened.add((Closeable) socket);
        }
    }

    private boolean datagramWaiting(Object socket) {
        int port = localPort(socket);
        return port > 0 && datagramsSent.getOrDefault(port, 0) > datagramsReceived.getOrDefault(port, 0);
    }

    private static int localPort(Object datagrams) {
        if (datagrams instanceof DatagramSocket) {
            return ((DatagramSocket) datagrams).getLocalPort();
        }
        try {
            java.net.SocketAddress local = ((DatagramChannel) datagrams).getLocalAddress();
            return local instanceof InetSocketAddress ? ((InetSocketAddress) local).getPort() : -1;
        } catch (IOException | RuntimeException closed) {
            return -1;
        }
    }

    synchronized void registered(Object key) {
        registrations.putIfAbsent(key, registrations.size());
    }

    /**
     * The keys of a selector's key set in the order the schedule registered them: the JDK's set is a hash set, whose
     * order follows the JVM's identity hashes of the keys. Keys registered outside the schedule come last, in the
     * set's own order, which nothing in the schedule decides.
     */
    synchronized Object[] inRegistrationOrder(Set<SelectionKey> keys) {
        Object[] ordered = keys.toArray();
        Arrays.sort(ordered, Comparator.comparingInt(key -> registrations.getOrDefault(key, Integer.MAX_VALUE)));
        return ordered;
    }

    /** Whether the blocking call {@code call} on {@code target} can go on now. */
    synchronized boolean ready(int call, Object target) {
        switch (call) {
            case SocketIo.ACCEPT:
                return isClosed(target) || connectsWaiting(target);
            case SocketIo.READ:
                return isClosed(target) || readable(target);
            case SocketIo.SELECT:
                return !((Selector) target).isOpen() || wakeups.contains(target) || anyKeyReady((Selector) target);
            case SocketIo.WRITE:
                return writable(target);
            case SocketIo.RECEIVE:
                return isClosed(target) || datagramWaiting(target);
            default:
                return true;
        }
    }

    /**
     * Whether something outside the test may end the call: every call but a read from, or a write to, a peer that a
     * managed thread owns. A client outside the test may connect to a server socket, and a selector may select
     * such channels.
     */
    synchronized boolean fromOutside(int call, Object target) {
        if (call == SocketIo.RECEIVE) {
            return false; // datagrams come from the test's threads: one that none sends is a deadlock, not a wait
        }
        if (call != SocketIo.READ && call != SocketIo.WRITE) {
            return true;
        }
        End end = ends.get(target);
        if (call == SocketIo.WRITE) {
            return end == null || reader(end) == null;
        }
        return end == null || byPorts.get(key(end.remote, end.local)) == null;
    }

    /** The peer of {@code endpoint}, if a managed thread owns it. */
    synchronized Object peer(Object endpoint) {
        End end = ends.get(endpoint);
        End peer = end == null ? null : byPorts.get(key(end.remote, end.local));
        return peer == null ? null : peer.resource;
    }

    private boolean connectsWaiting(Object server) {
        Integer port = serverPorts.get(server);
        if (port == null) {
            return false;
        }
        return connects.getOrDefault(port, 0) > accepts.getOrDefault(port, 0);
    }

    private boolean readable(Object endpoint) {
        End end = ends.get(endpoint);
        if (end == null) {
            return false;
        }
        End peer = byPorts.get(key(end.remote, end.local));
        if (peer == null) {
            return false;
        }
        return sent.getOrDefault(key(end.remote, end.local), 0L) > end.received || isClosed(peer.resource)
                || peer.resource instanceof Socket && ((Socket) peer.resource).isOutputShutdown();
    }

    private boolean anyKeyReady(Selector selector) {
        for (SelectionKey key : selector.keys()) {
            if (!key.isValid()) {
                continue;
            }
            int interest;
            try {
                interest = key.interestOps();
            } catch (RuntimeException cancelled) {
                continue;
            }
            Object channel = key.channel();
            if ((interest & SelectionKey.OP_ACCEPT) != 0 && connectsWaiting(channel)) {
                return true;
            }
            if ((interest & SelectionKey.OP_READ) != 0 && channel instanceof DatagramChannel
                    && datagramWaiting(channel)) {
                return true;
            }
            if (channel instanceof SocketChannel) {
                SocketChannel socket = (SocketChannel) channel;
                if ((interest & SelectionKey.OP_READ) != 0 && readable(socket)
                        || (interest & SelectionKey.OP_WRITE) != 0 && socket.isConnected()
                        || (interest & SelectionKey.OP_CONNECT) != 0 && socket.isConnectionPending()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The channels of {@code selector}'s keys that the model says are ready, with the operations ready that the
     * kernel reports as soon as it delivered them: a connection to accept, bytes or the end of the stream to read,
     * a connect to finish. (Whether a channel can be written depends on the kernel's buffers, which no model knows.)
     */
    synchronized Map<SelectableChannel, Integer> readyChannels(Selector selector) {
        Map<SelectableChannel, Integer> ready = new IdentityHashMap<>();
        for (SelectionKey key : selector.keys()) {
            int interest;
            try {
                interest = key.isValid() ? key.interestOps() : 0;
            } catch (RuntimeException cancelled) {
                continue;
            }
            SelectableChannel channel = key.channel();
            int ops = 0;
            if ((interest & SelectionKey.OP_ACCEPT) != 0 && connectsWaiting(channel)) {
                ops |= SelectionKey.OP_ACCEPT;
            }
            if ((interest & SelectionKey.OP_READ) != 0 && channel instanceof DatagramChannel
                    && datagramWaiting(channel)) {
                ops |= SelectionKey.OP_READ;
            }
            if (channel instanceof SocketChannel) {
                SocketChannel socket = (SocketChannel) channel;
                if ((interest & SelectionKey.OP_READ) != 0 && readable(socket)) {
                    ops |= SelectionKey.OP_READ;
                }
                if ((interest & SelectionKey.OP_CONNECT) != 0 && socket.isConnectionPending()) {
                    ops |= SelectionKey.OP_CONNECT;
                }
            }
            if (ops != 0) {
                ready.put(channel, ops);
            }
        }
        return ready;
    }

    static boolean isClosed(Object resource) {
        if (resource instanceof Socket) {
            Socket socket = (Socket) resource;
            return socket.isClosed() || socket.isInputShutdown();
        }
        if (resource instanceof ServerSocket) {
            return ((ServerSocket) resource).isClosed();
        }
        if (resource instanceof DatagramSocket) {
            return ((DatagramSocket) resource).isClosed();
        }
        if (resource instanceof java.nio.channels.Channel) {
            return !((java.nio.channels.Channel) resource).isOpen();
        }
        return resource instanceof Selector && !((Selector) resource).isOpen();
    }

    /** What a thread waiting for {@code call} on {@code target} waits for, in words. */
    static String describe(int call, Object target, String name) {
        switch (call) {
            case SocketIo.ACCEPT:
                return "waits to accept a connection on " + name + portOf(target);
            case SocketIo.READ:
                return "waits to read from " + name + portOf(target);
            case SocketIo.WRITE:
                return "waits to write to " + name + portOf(target) + ", whose buffers to its peer are full";
            case SocketIo.RECEIVE:
                return "waits to receive a datagram on " + name + portOf(target);
            default:
                return "waits in " + name + ".select()";
        }
    }

    private static String portOf(Object resource) {
        int[] ports;
        try {
            ports = ports(resource);
        } catch (RuntimeException closed) {
            return "";
        }
        return ports[0] <= 0 ? "" : " (port " + ports[0] + (ports[1] > 0 ? " to " + ports[1] : "") + ")";
    }

    /**
     * Closes what the schedule's threads opened and did not close: a schedule that was abandoned, or a test that
     * left a server socket open, must not keep a port the next schedule binds. Returns how many were left open.
     */
    int closeLeftovers() {
        List<Closeable> all;
        synchronized (this) {
            all = new ArrayList<>(opened);
            opened.clear();
        }
        int left = 0;
        for (Closeable resource : all) {
            if (!isClosed(resource)) {
                left++;
                try {
                    resource.close();
                } catch (IOException | RuntimeException ignored) {
                    // closing is all that is left to do with it
                }
            }
        }
        return left;
    }

    private static long key(int from, int to) {
        return (long) from << 32 | to & 0xffffffffL;
    }
}
