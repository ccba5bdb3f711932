/**
 * From one plan to the next (issue 16): the plan a plan succeeds is linked in {@code plan} ({@code Plan.succeed});
 * here is what follows from the link — the old plan's unfinished tasks carried into the new plan or closed with a
 * reason ({@code CarryOver}, one decision per old task, never silent), the new plan's indicators continuing old ones
 * with the old latest value as baseline ({@code IndicatorContinuation}), and the succession as the supervising office
 * and the public portal read it.
 */
package org.luoshi.task.succession;
