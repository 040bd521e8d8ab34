/**
 * Java programs after the SCTBench suite of concurrency bugs (Thomson, Donaldson and Betts, "Concurrency testing
 * using schedule bounding: an empirical study", PPoPP 2014), written anew: each class keeps one benchmark's
 * threads, shared state, locking and failing assertion, so that Interleave's strategies can be measured on the same
 * bugs. A method marked {@link dev.interleave.samples.BugSample} holds the bug and names the failure Interleave must
 * report; the others are fixed twins and must pass every schedule. The demo leaves this package out: several bugs
 * here are deliberately too deep for some strategies, and
 * {@link dev.interleave.samples.benchmark.StrategyBenchmark} measures how deep for each.
 */
package dev.interleave.samples.sctbench;
