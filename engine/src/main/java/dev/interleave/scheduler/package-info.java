/**
 * The cooperative scheduler: one managed thread runs at a time; monitors, {@code wait}/{@code notify}, {@code join}
 * and time are modelled; deadlocks and hangs are detected and every thread of an abandoned schedule is unwound.
 */
package dev.interleave.scheduler;
