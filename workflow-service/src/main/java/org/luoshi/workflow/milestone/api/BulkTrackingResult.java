package org.luoshi.workflow.milestone.api;

/**
 * What a bulk start did: the accepted tasks it read, the milestones it started tracking now and those that were tracked
 * already (by an earlier or a concurrent call: each milestone is tracked once).
 */
public record BulkTrackingResult(long planId, Long sectionId, int tasks, int started, int alreadyTracked) {
}
