package dev.interleave.bridge;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** A socket's output stream as a managed thread sees it: the scheduler counts what it sent, once the write returned. */
final class ManagedSocketOutput extends FilterOutputStream {

    private final Socket socket;

    ManagedSocketOutput(Socket socket, OutputStream out) {
        super(out);
        this.socket = socket;
    }

    @Override
    public void write(int b) throws IOException {
        SocketIo.acting(socket, "write");
        out.write(b);
        SocketIo.transferred(socket, 1, true);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
            SocketIo.acting(socket, "write");
        }
        out.write(b, off, len);
        SocketIo.transferred(socket, len, true);
    }
}
