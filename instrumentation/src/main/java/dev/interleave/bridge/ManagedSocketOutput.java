package dev.interleave.bridge;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A socket's output stream as a managed thread sees it: the scheduler counts what it sent, once the write returned,
 * and a write to a peer that does not read waits in the scheduler once the buffers between them are full.
 */
final class ManagedSocketOutput extends FilterOutputStream {

    private final Socket socket;

    ManagedSocketOutput(Socket socket, OutputStream out) {
        super(out);
        this.socket = socket;
    }

    @Override
    public void write(int b) throws IOException {
        SocketIo.acting(socket, "write");
        SocketIo.beforeStreamWrite(socket, 1);
        out.write(b);
        SocketIo.transferred(socket, 1, true);
    }

    /**
     * Writes as much as the buffers between the socket and its peer take at a time, as the model counts them, and
     * waits in the scheduler for the peer to read before the rest, where a JVM's write would block.
     */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len <= 0) {
            out.write(b, off, len);
            return;
        }
        SocketIo.acting(socket, "write");
        int at = off;
        int left = len;
        while (left > 0) {
            int part = (int) SocketIo.beforeStreamWrite(socket, left);
            out.write(b, at, part);
            SocketIo.transferred(socket, part, true);
            at += part;
            left -= part;
        }
    }
}
