/**
 * Another part of the user's project: a small concurrent component and its ordinary Jupiter tests, with no Interleave
 * annotation. On real threads they pass almost always; one of them is flaky. This module hunts them
 * ({@code -Dinterleave.hunt=true}) through Surefire in two shards, the way a CI matrix would, and
 * {@link dev.interleave.usertests.HuntTests} checks what the hunt reported.
 */
package com.example.warehouse;
