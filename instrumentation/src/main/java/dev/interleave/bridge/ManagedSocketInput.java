package dev.interleave.bridge;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A socket's input stream as a managed thread sees it: a read waits in the scheduler until a managed peer sent data
 * or closed its end (or this socket was closed), then waits, for a bounded real time, until the kernel delivered all
 * that the peer sent, so that what one read returns depends on the managed threads' actions only.
 */
final class ManagedSocketInput extends FilterInputStream {

    /** How long a read waits for the kernel to deliver data that a write on the loopback interface already sent. */
    private static final long DELIVERY_NANOS = 2_000_000_000L;

    private final Socket socket;

    ManagedSocketInput(Socket socket, InputStream in) {
        super(in);
        this.socket = socket;
    }

    @Override
    public int read() throws IOException {
        awaitDelivery(SocketIo.beforeStreamRead(socket));
        int b = in.read();
        SocketIo.transferred(socket, b < 0 ? 0 : 1, false);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return in.read(b, off, len);
        }
        awaitDelivery(SocketIo.beforeStreamRead(socket));
        int n = in.read(b, off, len);
        SocketIo.transferred(socket, n, false);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        awaitDelivery(SocketIo.beforeStreamRead(socket));
        long skipped = in.skip(n);
        SocketIo.transferred(socket, skipped, false);
        return skipped;
    }

    /**
     * Waits for at most half the receive buffer: a peer that wrote more without blocking has the rest in its own
     * send buffer, which the kernel moves on only as this end reads.
     */
    private void awaitDelivery(long sent) throws IOException {
        long pending = sent <= 0 ? 0 : Math.min(sent, socket.getReceiveBufferSize() / 2);
        if (pending <= 0) {
            return;
        }
        long until = System.nanoTime() + DELIVERY_NANOS;
        while (in.available() < pending && !socket.isClosed() && System.nanoTime() < until) {
            Thread.yield();
        }
    }
}
