/**
 * The HTML report: an index of every {@code @ConcurrencyTest} a run explored, and one self-contained page per
 * failure with the timeline of its interleaving, made from a live schedule or from a schedule file.
 */
package dev.interleave.report.html;
