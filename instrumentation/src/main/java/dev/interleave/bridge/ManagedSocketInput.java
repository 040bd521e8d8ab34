package dev.interleave.bridge;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A socket's input stream as a managed thread sees it: a read waits in the scheduler until a managed peer sent data
 * or closed its end (or this socket was closed), then reads, as the kernel delivers them, all the bytes the peer sent
 * that fit in the read's buffer (waiting at most a bounded real time for each part), so that what one read returns
 * depends on the managed threads' actions only.
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
        awaitDelivery(Math.min(1, SocketIo.beforeStreamRead(socket)));
        int b = in.read();
        SocketIo.transferred(socket, b < 0 ? 0 : 1, false);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return in.read(b, off, len);
        }
        long pending = SocketIo.beforeStreamRead(socket);
        int wanted = (int) Math.min(len, pending);
        int got = 0;
        long until = System.nanoTime() + DELIVERY_NANOS;
        // reads what comes, as it comes: the kernel moves on what the peer's send buffer holds only as this end
        // reads, so waiting for all of it before reading could wait in vain
        while (got < wanted) {
            int available = in.available();
            if (available > 0) {
                int n = in.read(b, off + got, Math.min(available, wanted - got));
                if (n < 0) {
                    break;
                }
                got += n;
                until = System.nanoTime() + DELIVERY_NANOS;
            } else if (socket.isClosed() || System.nanoTime() > until) {
                break;
            } else {
                Thread.yield();
            }
        }
        if (got == 0) {
            got = in.read(b, off, len); // the end of the stream, or a peer outside the test: as the JDK reads
        }
        SocketIo.transferred(socket, got, false);
        return got;
    }

    @Override
    public long skip(long n) throws IOException {
        awaitDelivery(Math.min(n, SocketIo.beforeStreamRead(socket)));
        long skipped = in.skip(n);
        SocketIo.transferred(socket, skipped, false);
        return skipped;
    }

    /**
     * Waits for what the peer sent and fits in the read's buffer, but at most half the receive buffer: a peer that
     * wrote more has the rest in its own send buffer, which the kernel moves on only as this end reads (and only
     * once the reader freed a good part of its buffer).
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
