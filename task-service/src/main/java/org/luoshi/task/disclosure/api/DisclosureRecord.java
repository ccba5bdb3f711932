package org.luoshi.task.disclosure.api;

import java.time.Instant;
import java.time.LocalDate;

import org.luoshi.task.disclosure.domain.DisclosureTrigger;

/**
 * A published snapshot as the supervising office lists it: {@code trigger} says what published it (MANUAL, SCHEDULED,
 * EVALUATION), {@code publishedBy} who (the user name; the schedule's job and an evaluation's publication name the
 * person whose act it was, or none). Not public: the public list ({@link DisclosureSummary}) names no person.
 */
public record DisclosureRecord(long snapshotId, long planId, LocalDate asOf, Instant publishedAt, DisclosureTrigger trigger,
        String publishedBy, Long evaluationId, String sha256, String href) {
}
