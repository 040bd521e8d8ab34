package dev.interleave.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.IdentityHashMap;
import java.util.Map;

import dev.interleave.bridge.SocketIo;

/**
 * Waits, for a bounded real time and outside the scheduler's choices, until the kernel delivered what the
 * {@link IoModel} says the managed threads already did: a connection made to a server channel, bytes written to a
 * peer, its close. A select, or a non-blocking accept or read, that ran before would see the kernel lag behind the
 * model (return no key, null, or 0) and a selector loop would take other steps from run to run; after the wait its
 * result is a function of the managed threads' actions.
 */
final class KernelDelivery {

    /** How long a call waits for the loopback interface to deliver what the model says was sent. */
    private static final long DELIVERY_NANOS = 2_000_000_000L;

    private KernelDelivery() {
    }

    static void await(int call, Object target, long wanted, IoModel model) {
        try {
            switch (call) {
                case SocketIo.ACCEPT:
                    if (target instanceof ServerSocketChannel && model.ready(SocketIo.ACCEPT, target)
                            && !IoModel.isClosed(target)) {
                        probe(Map.of((SelectableChannel) target, SelectionKey.OP_ACCEPT));
                    }
                    break;
                case SocketIo.READ:
                    if (target instanceof SocketChannel && !IoModel.isClosed(target)) {
                        awaitRead((SocketChannel) target, wanted, model);
                    }
                    break;
                case SocketIo.SELECT:
                    if (target instanceof Selector && ((Selector) target).isOpen()) {
                        probe(model.readyChannels((Selector) target));
                    }
                    break;
                default:
                    break;
            }
        } catch (IOException | RuntimeException closedMeanwhile) {
            // the call runs as it would have: it reports the closed channel or selector itself
        }
    }

    /**
     * All the bytes the peer sent and no read took are in the kernel, as many as fit in the read's buffer
     * ({@code wanted}), or the end of the stream when it closed. Only as many as half the receive buffer are waited
     * for: a peer that wrote more has the rest in its own send buffer, which the kernel moves on only as this end
     * reads (and only once the reader freed a good part of its buffer).
     */
    private static void awaitRead(SocketChannel channel, long wanted, IoModel model) throws IOException {
        long pending = Math.min(Math.min(model.pending(channel), wanted),
                channel.socket().getReceiveBufferSize() / 2);
        if (pending > 0) {
            InputStream in = channel.socket().getInputStream();
            long until = System.nanoTime() + DELIVERY_NANOS;
            while (in.available() < pending && channel.isOpen() && System.nanoTime() < until) {
                Thread.yield();
            }
        } else if (!channel.isBlocking() && model.ready(SocketIo.READ, channel)) {
            probe(Map.of(channel, SelectionKey.OP_READ));
        }
    }

    /**
     * Registers the channels with a selector of its own (which leaves their keys in the application's selectors
     * alone) and selects until the kernel reports every one ready for its operations.
     */
    private static void probe(Map<SelectableChannel, Integer> wanted) throws IOException {
        if (wanted.isEmpty()) {
            return;
        }
        try (Selector probe = Selector.open()) {
            Map<SelectionKey, Integer> keys = new IdentityHashMap<>();
            for (Map.Entry<SelectableChannel, Integer> entry : wanted.entrySet()) {
                SelectableChannel channel = entry.getKey();
                if (channel.isOpen() && !channel.isBlocking()) {
                    keys.put(channel.register(probe, entry.getValue()), entry.getValue());
                }
            }
            long until = System.nanoTime() + DELIVERY_NANOS;
            while (!keys.isEmpty() && System.nanoTime() < until) {
                probe.selectedKeys().clear();
                probe.selectNow();
                keys.entrySet().removeIf(key -> !key.getKey().isValid()
                        || probe.selectedKeys().contains(key.getKey())
                                && (key.getKey().readyOps() & key.getValue()) == key.getValue());
                if (!keys.isEmpty()) {
                    Thread.yield();
                }
            }
        }
    }
}
