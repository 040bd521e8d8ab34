package dev.interleave.instrumentation;

/** What the rewriter does to a class's methods. */
enum RewriteMode {

    /**
     * Application and test classes: every shared access and synchronization is a scheduling point, calls into the JDK
     * are marked (see {@link CallSites}), and the clock and identity hashes are the schedule's.
     */
    APPLICATION,

    /**
     * JDK classes that block in their own monitors ({@code PipedInputStream}): only their monitors, waits and thread
     * operations are modelled, so that their waits are the scheduler's; their fields stay their own.
     */
    JDK_MONITORS,

    /**
     * The JDK's collections and formats ({@link JdkScope#isExplored}): shared accesses and monitors are scheduling
     * points inside an operation that application code called, and nowhere else; each frame knows which it is.
     */
    JDK_EXPLORED
}
