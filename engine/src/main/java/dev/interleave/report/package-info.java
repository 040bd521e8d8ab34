/** Reports: the failure message of a failed schedule and its interleaving table. */
package dev.interleave.report;
