package org.luoshi.task.tracking.api;

import java.util.List;

/**
 * What a bulk addition did: milestones added now, items that named a milestone present already (added earlier, by a
 * retry or a concurrent call, or twice in the request), and the milestone id of each item, in the items' order.
 */
public record BulkMilestonesResult(long planId, int requested, int added, int alreadyPresent, List<Long> milestoneIds) {
}
