package org.luoshi.workflow.inbox.api;

import java.time.Instant;

/**
 * One thing that happened to a work item: {@code action} is created, claimed, unclaimed, delegated, assigned,
 * commented, completed or deleted; {@code detail} the candidate groups, the new assignee, the comment's text or the
 * reason of a deletion.
 */
public record HistoryEntry(Instant at, String actor, String action, String detail) {
}
