/**
 * Interleave's public API: {@link dev.interleave.ConcurrencyTest} and what it is configured with. Everything outside
 * this package is internal and may change.
 */
package dev.interleave;
