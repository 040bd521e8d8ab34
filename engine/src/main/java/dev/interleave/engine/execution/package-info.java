/** Execution: settings, the agent's status, and the exploration of one test method schedule by schedule. */
package dev.interleave.engine.execution;
