package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/** Lazy initialisation without a lock: two threads can both see null and create two "single" instances. */
public class LazyInitSample {

    static final class Connection {
    }

    private Connection connection;
    private Connection seenByOther;

    private Connection racyGet() {
        if (connection == null) {
            connection = new Connection();
        }
        return connection;
    }

    private synchronized Connection synchronizedGet() {
        if (connection == null) {
            connection = new Connection();
        }
        return connection;
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void racyLazyInit() throws InterruptedException {
        Thread other = new Thread(() -> seenByOther = racyGet());
        other.start();
        Connection mine = racyGet();
        other.join();
        assertSame(mine, seenByOther, "both threads must get the one connection");
    }

    @ConcurrencyTest
    void synchronizedLazyInit() throws InterruptedException {
        Thread other = new Thread(() -> seenByOther = synchronizedGet());
        other.start();
        Connection mine = synchronizedGet();
        other.join();
        assertSame(mine, seenByOther, "both threads must get the one connection");
    }
}
