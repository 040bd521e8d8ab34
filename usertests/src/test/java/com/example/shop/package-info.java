/**
 * A user's project: a shop's classes with their shared state, and their tests, written the way people write them,
 * with nothing but {@code interleave-engine} and {@code junit-jupiter} as test dependencies. Some of its
 * {@code @ConcurrencyTest} methods find bugs, so it is not run by this module's default Surefire run but by the
 * runs that {@link dev.interleave.usertests.UserProjectTests} checks.
 */
package com.example.shop;
