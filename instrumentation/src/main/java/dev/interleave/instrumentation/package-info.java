/**
 * The Java agent: which classes get scheduling points, how their bytecode is rewritten, and how the agent gets into
 * the JVM (at start-up with {@code -javaagent}, or attached on first use).
 */
package dev.interleave.instrumentation;
