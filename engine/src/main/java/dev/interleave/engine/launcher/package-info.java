/**
 * The engine's hooks in the JUnit Platform launcher: they attach the agent when a launcher session opens, or when
 * a discovery starts that serves an execution, so that test classes are instrumented as they load; never in a JVM
 * that only discovers tests.
 */
package dev.interleave.engine.launcher;
