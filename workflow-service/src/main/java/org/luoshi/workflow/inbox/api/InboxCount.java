package org.luoshi.workflow.inbox.api;

/** How many open items match the filter, and how many of those are overdue: the badge without the page. */
public record InboxCount(long total, long overdue) {
}
