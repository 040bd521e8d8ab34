package dev.interleave.bridge;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.nio.channels.SelectionKey;

/**
 * A selector's key set ({@code selectedKeys()} or {@code keys()}) as a managed thread sees it: it iterates the keys in
 * the order the schedule registered them, where the JDK's set, a {@code HashSet}, would follow the JVM's identity
 * hashes of the keys, which differ from run to run. Removing, clearing and asking act on the JDK's set itself; each
 * goes through the thread's events, which run it as the framework's own use of the JDK, so walking the hash table
 * takes no step of the schedule.
 */
final class RegisteredOrderKeys extends AbstractSet<SelectionKey> {

    private final Set<SelectionKey> keys;

    RegisteredOrderKeys(Set<SelectionKey> keys) {
        this.keys = keys;
    }

    @Override
    public Iterator<SelectionKey> iterator() {
        return new InOrder((Object[]) on(SocketIo.KEYS_IN_ORDER, null));
    }

    @Override
    public int size() {
        return (Integer) on(SocketIo.KEYS_SIZE, null);
    }

    @Override
    public boolean contains(Object key) {
        return (Boolean) on(SocketIo.KEYS_CONTAINS, key);
    }

    @Override
    public boolean remove(Object key) {
        return (Boolean) on(SocketIo.KEYS_REMOVE, key);
    }

    @Override
    public void clear() {
        on(SocketIo.KEYS_CLEAR, null);
    }

    @Override
    public boolean add(SelectionKey key) {
        return keys.add(key); // the JDK's sets refuse it
    }

    private Object on(int operation, Object key) {
        ThreadEvents events = Bridge.current();
        return events == null ? SocketIo.onKeys(keys, operation, key) : events.ioKeys(keys, operation, key);
    }

    /** Walks a copy of the keys, in order; removes from the JDK's set. */
    private final class InOrder implements Iterator<SelectionKey> {
        private final Object[] ordered;
        private int next;
        private Object last;

        InOrder(Object[] ordered) {
            this.ordered = ordered;
        }

        @Override
        public boolean hasNext() {
            return next < ordered.length;
        }

        @Override
        public SelectionKey next() {
            if (next >= ordered.length) {
                throw new NoSuchElementException();
            }
            last = ordered[next++];
            return (SelectionKey) last;
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException("next() was not called, or remove() was called after it already");
            }
            on(SocketIo.KEYS_REMOVE, last);
            last = null;
        }
    }
}
