package org.luoshi.task.tracking.api;

/** How many of the milestones named were tracked by this call; the others were tracked already. */
public record TrackingStarted(int requested, int newlyTracked) {
}
