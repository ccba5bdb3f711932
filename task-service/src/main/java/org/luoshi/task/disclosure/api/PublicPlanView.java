package org.luoshi.task.disclosure.api;

import java.time.LocalDate;

/**
 * A plan as the public sees it: only from what was published about it, with its period and the published plans it
 * succeeds and is succeeded by (null when none or not published).
 */
public record PublicPlanView(long planId, String title, long snapshots, long latestSnapshotId, LocalDate latestAsOf,
        String latestHref, int periodStart, int periodEnd, Long predecessorPlanId, Long successorPlanId) {
}
