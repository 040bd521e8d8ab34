package dev.interleave.samples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.interleave.ConcurrencyFailure;

/**
 * Marks a sample that holds a bug on purpose, and how Interleave must report it. Samples without it are correct
 * programs that must pass. The demo and the samples' own tests read it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BugSample {

    ConcurrencyFailure.Kind value();
}
