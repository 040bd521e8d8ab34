package dev.interleave;

import org.apiguardian.api.API;

/** How the scheduler chooses which thread runs next at a scheduling point. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Strategy {

    /** A random walk: at every scheduling point, each thread that can run is equally likely to be chosen. */
    RANDOM,

    /** Probabilistic concurrency testing: random thread priorities with a few priority change points. */
    PCT,

    /** Partial-order sampling: priorities that favour distinct orders of conflicting accesses. */
    POS,

    /** Every interleaving of a small test, with partial-order reduction. */
    EXHAUSTIVE
}
