/** Discovery: which classes and methods the engine runs, from the selectors of a discovery request. */
package dev.interleave.engine.discovery;
