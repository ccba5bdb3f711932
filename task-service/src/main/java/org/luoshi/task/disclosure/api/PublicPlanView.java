package org.luoshi.task.disclosure.api;

import java.time.LocalDate;

/** A plan as the public sees it: only from what was published about it. */
public record PublicPlanView(long planId, String title, long snapshots, long latestSnapshotId, LocalDate latestAsOf,
        String latestHref) {
}
