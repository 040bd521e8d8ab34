/** Strategies: how the next thread is chosen at a scheduling point, and how seeds become schedules. */
package dev.interleave.strategy;
