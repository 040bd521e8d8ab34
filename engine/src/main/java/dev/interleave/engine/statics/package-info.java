/**
 * The static state of the classes under test, saved when a class is first seen initialized and put back before
 * every schedule, so that each schedule starts from the same state and schedule N of an exploration is schedule N
 * in a fresh JVM; what cannot be put back is named, so that no report blames a code change for it.
 */
package dev.interleave.engine.statics;
