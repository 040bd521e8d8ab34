/**
 * Hunting: the project's plain Jupiter tests, each run by Jupiter itself inside the scheduler's test thread, schedule
 * after schedule, on a wall-time budget shared over the tests, in a deterministic share of the work per CI shard.
 */
package dev.interleave.engine.hunt;
