/** The JUnit Platform test engine: its id, discovery and execution wiring. */
package dev.interleave.engine;
