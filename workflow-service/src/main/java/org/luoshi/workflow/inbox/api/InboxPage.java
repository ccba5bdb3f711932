package org.luoshi.workflow.inbox.api;

import java.util.List;

/** One page of the inbox: the items, how many match the filter ({@code total}) and how many of those are overdue. */
public record InboxPage(List<InboxItem> items, int page, int size, long total, long overdue) {
}
