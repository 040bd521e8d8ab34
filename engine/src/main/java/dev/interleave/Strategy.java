package dev.interleave;

import org.apiguardian.api.API;

/** How the scheduler chooses which thread runs next at a scheduling point. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Strategy {

    /** A random walk: at every scheduling point, each thread that can run is equally likely to be chosen. */
    RANDOM,

    /**
     * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random thread priorities, the highest running,
     * with {@code pctDepth - 1} random priority change points per schedule; a bug of depth d among n threads and k
     * steps is found with probability at least 1/(n k^(d-1)) per schedule.
     */
    PCT,

    /**
     * Partial-order sampling (Yuan et al., CAV 2018): random priorities per operation, renewed for the operations
     * that race with the one that ran, so that schedules spread over distinct orders of conflicting accesses.
     */
    POS,

    /**
     * Every interleaving of a small test, depth first, with dynamic partial-order reduction and sleep sets (or, with
     * {@code maxPreemptions}, every schedule within that many preemptions): when it finishes without a failure, the
     * test is proved correct for every schedule. The configuration parameter {@code interleave.reduction=false}
     * makes it a plain enumeration of every schedule, with no reduction and no assumption about spin loops.
     */
    EXHAUSTIVE,

    /**
     * Selectively uniform random walk (Zhao et al., ASPLOS 2025): at the steps on a resource chosen per schedule
     * among those earlier schedules of the test showed shared, a thread runs with a probability proportional to the
     * steps it has left there, estimated from those schedules, so that the interleavings of those steps are sampled
     * uniformly; a short thread is seen in the middle of many long ones, where a random walk rarely puts it.
     */
    SURW,

    /**
     * The default: the schedules of one test rotate over POS, SURW, PCT and RANDOM, so that no single strategy's blind
     * spot decides; a failure names the strategy of the schedule that found it, and a seed explores the same
     * schedules in the same order, like any strategy's.
     */
    PORTFOLIO
}
