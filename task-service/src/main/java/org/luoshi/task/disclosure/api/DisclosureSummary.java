package org.luoshi.task.disclosure.api;

import java.time.Instant;
import java.time.LocalDate;

import org.luoshi.task.disclosure.domain.DisclosureTrigger;

/** A published snapshot as listed: where to read it and the hash of its content. */
public record DisclosureSummary(long snapshotId, long planId, String planTitle, LocalDate asOf, Instant publishedAt,
        DisclosureTrigger trigger, Long evaluationId, String sha256, String href) {

    public static String href(long snapshotId) {
        return "/api/public/snapshots/" + snapshotId;
    }
}
