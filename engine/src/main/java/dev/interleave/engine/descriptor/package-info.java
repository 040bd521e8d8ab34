/** Test descriptors: a container per test class, a test per {@code @ConcurrencyTest} method. */
package dev.interleave.engine.descriptor;
