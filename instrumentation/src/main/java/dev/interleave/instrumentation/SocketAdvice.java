package dev.interleave.instrumentation;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SelectableChannel;

import dev.interleave.bridge.SocketIo;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into the public entry points of the JDK's sockets, channels and selectors, which are the same on
 * every JDK since 13 whatever implements them below: a managed thread's blocking call waits in the scheduler (see
 * {@link SocketIo}), and its connects, accepts and transfers are counted. The advice names no class it is inlined
 * into: resolving its parameters while that class is being defined would be a class circularity.
 */
final class SocketAdvice {

    private SocketAdvice() {
    }

    /** {@code Socket.connect(SocketAddress, int)}, which every connecting constructor and overload calls. */
    static final class Connect {
        private Connect() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) {
            SocketIo.acting(self, "connect");
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self) {
            SocketIo.connected(self);
        }
    }

    /** {@code Socket.getInputStream()}. */
    static final class Input {
        private Input() {
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Return(readOnly = false) InputStream in) {
            in = SocketIo.input(self, in);
        }
    }

    /** {@code Socket.getOutputStream()}. */
    static final class Output {
        private Output() {
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Return(readOnly = false) OutputStream out) {
            out = SocketIo.output(self, out);
        }
    }

    /** {@code ServerSocket.bind(SocketAddress, int)} and {@code ServerSocketChannel.bind(SocketAddress, int)}. */
    static final class Bind {
        private Bind() {
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self) {
            SocketIo.bound(self);
        }
    }

    /** {@code ServerSocket.accept()}. */
    static final class Accept {
        private Accept() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) throws java.io.IOException {
            SocketIo.beforeAccept(self);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Return Object accepted) {
            SocketIo.accepted(self, accepted);
        }
    }

    /** {@code ServerSocketChannel.accept()}. */
    static final class ChannelAccept {
        private ChannelAccept() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This SelectableChannel self) {
            SocketIo.beforeChannelAccept(self);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Return Object accepted) {
            SocketIo.accepted(self, accepted);
        }
    }

    /**
     * {@code SocketChannel.read(ByteBuffer)}: what managed peers sent and fits is read by the hook (see
     * {@link SocketIo#channelRead}), and the read returns that without running; otherwise it runs as it is.
     */
    static final class ChannelReadBuffer {
        private ChannelReadBuffer() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static int enter(@Advice.This SelectableChannel self, @Advice.Argument(0) java.nio.ByteBuffer dst)
                throws java.io.IOException {
            return SocketIo.channelRead(self, dst);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Enter int readBefore,
                @Advice.Return(readOnly = false) int count) {
            if (readBefore != 0) {
                count = readBefore;
            } else {
                SocketIo.transferred(self, count, false);
            }
        }
    }

    /** The scattering {@code SocketChannel.read(ByteBuffer[], int, int)}. */
    static final class ChannelRead {
        private ChannelRead() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This SelectableChannel self, @Advice.Argument(0) Object buffers) {
            SocketIo.beforeChannelRead(self, buffers);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self,
                @Advice.Return(typing = net.bytebuddy.implementation.bytecode.assign.Assigner.Typing.DYNAMIC)
                Object count) {
            SocketIo.transferred(self, ((Number) count).longValue(), false);
        }
    }

    /** The gathering {@code SocketChannel.write(ByteBuffer[], int, int)}. */
    static final class ChannelWrite {
        private ChannelWrite() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) {
            SocketIo.acting(self, "write");
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self,
                @Advice.Return(typing = net.bytebuddy.implementation.bytecode.assign.Assigner.Typing.DYNAMIC)
                Object count) {
            SocketIo.transferred(self, ((Number) count).longValue(), true);
        }
    }

    /**
     * {@code SocketChannel.write(ByteBuffer)}: in blocking mode, what does not fit in the buffers between the channel
     * and its peer is written part by part first, each part once the peer read enough (see
     * {@link SocketIo#beforeChannelWrite}), and the result counts it.
     */
    static final class ChannelWriteBuffer {
        private ChannelWriteBuffer() {
        }

        @Advice.OnMethodEnter
        static long enter(@Advice.This Object self, @Advice.Argument(0) java.nio.ByteBuffer src)
                throws java.io.IOException {
            SocketIo.acting(self, "write");
            return SocketIo.beforeChannelWrite(self, src);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Enter long earlier,
                @Advice.Return(readOnly = false,
                        typing = net.bytebuddy.implementation.bytecode.assign.Assigner.Typing.DYNAMIC)
                Object count) {
            SocketIo.transferred(self, ((Number) count).longValue(), true);
            count = SocketIo.withEarlierWrites(count, earlier);
        }
    }

    /** {@code SocketChannel.connect(SocketAddress)} and {@code finishConnect()}: connected once either says so. */
    static final class ChannelConnect {
        private ChannelConnect() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) {
            SocketIo.acting(self, "connect");
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Return boolean connected) {
            if (connected) {
                SocketIo.connected(self);
            }
        }
    }

    /** {@code select()} and {@code select(Consumer)}: no timeout. */
    static final class Select {
        private Select() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This Object self) {
            return SocketIo.beforeSelect(self, 0);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self) {
            SocketIo.selected(self);
        }
    }

    /** {@code select(long)}; a skipped select returns 0, as one whose timeout passed. */
    static final class TimedSelect {
        private TimedSelect() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This Object self, @Advice.Argument(0) long timeout) {
            return SocketIo.beforeSelect(self, timeout);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self) {
            SocketIo.selected(self);
        }
    }

    /** {@code select(Consumer, long)}. */
    static final class TimedSelectAction {
        private TimedSelectAction() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This Object self, @Advice.Argument(1) long timeout) {
            return SocketIo.beforeSelect(self, timeout);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self) {
            SocketIo.selected(self);
        }
    }

    /** {@code selectNow()} and {@code selectNow(Consumer)}: they never wait, but find what the model says is ready. */
    static final class SelectNow {
        private SelectNow() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) {
            SocketIo.beforeSelect(self, -1);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self) {
            SocketIo.selected(self);
        }
    }

    /** {@code close()} of a socket, server socket, channel or selector. */
    static final class Close {
        private Close() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) {
            SocketIo.acting(self, "close");
        }
    }

    /** {@code DatagramSocket.send(DatagramPacket)}. */
    static final class DatagramSend {
        private DatagramSend() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) {
            SocketIo.beforeSend(self);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.Argument(0) Object packet,
                @Advice.Thrown Throwable thrown) {
            SocketIo.sent(self, packet, thrown);
        }
    }

    /** {@code DatagramSocket.receive(DatagramPacket)}: the model counts the datagram when it lets the call go on. */
    static final class DatagramReceive {
        private DatagramReceive() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) throws java.io.IOException {
            SocketIo.beforeReceive(self);
        }
    }

    /** {@code DatagramChannel.send(ByteBuffer, SocketAddress)}. */
    static final class ChannelSend {
        private ChannelSend() {
        }

        @Advice.OnMethodEnter
        static boolean enter(@Advice.This Object self) {
            return SocketIo.beforeChannelSend(self);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Argument(0) java.nio.ByteBuffer src,
                @Advice.Argument(1) Object target, @Advice.Enter boolean counted, @Advice.Return int count) {
            SocketIo.sent(self, target, count, count == 0 && src.limit() == 0, counted);
        }
    }

    /** {@code DatagramChannel.receive(ByteBuffer)}: null when a non-blocking channel had no datagram. */
    static final class ChannelReceive {
        private ChannelReceive() {
        }

        @Advice.OnMethodEnter
        static boolean enter(@Advice.This SelectableChannel self) {
            return SocketIo.beforeChannelReceive(self);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Enter boolean taken, @Advice.Return Object from) {
            if (from != null && !taken) {
                SocketIo.received(self);
            }
        }
    }

    /** A selector's {@code register(channel, ops, attachment)}, which every channel's {@code register} calls. */
    static final class Register {
        private Register() {
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Return Object key) {
            SocketIo.registered(key);
        }
    }

    /** A selector's {@code selectedKeys()} and {@code keys()}. */
    static final class Keys {
        private Keys() {
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Return(readOnly = false) java.util.Set<java.nio.channels.SelectionKey> keys) {
            keys = SocketIo.keys(keys);
        }
    }

    /** A selector's {@code wakeup()}. */
    static final class Wakeup {
        private Wakeup() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object self) {
            SocketIo.wakeup(self);
        }
    }
}
