package org.luoshi.task.disclosure.api;

import java.time.LocalDate;

import org.luoshi.task.disclosure.domain.DisclosureInterval;

/**
 * A plan's regular disclosure. Without a schedule set, interval is null and enabled false. nextDue is the day from
 * which the job publishes the next scheduled snapshot (today when the current period has none yet); null when
 * disabled or the plan is not in force.
 */
public record DisclosureScheduleView(long planId, DisclosureInterval interval, boolean enabled, Long lastScheduledSnapshotId,
        LocalDate lastScheduledAsOf, LocalDate nextDue, Integer version) {
}
