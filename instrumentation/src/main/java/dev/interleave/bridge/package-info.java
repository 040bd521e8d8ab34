/**
 * The bridge between instrumented code and the scheduler: static hooks, the per-thread event interface and the
 * registry of instrumented sites. Loaded by the bootstrap class loader; depends on {@code java.base} only.
 */
package dev.interleave.bridge;
