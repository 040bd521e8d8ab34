/** The Maven plugin: its {@code prepare-agent} goal puts Interleave's agent on the test JVM's command line. */
package dev.interleave.maven;
