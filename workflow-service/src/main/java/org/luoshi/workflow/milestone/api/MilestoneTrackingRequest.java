package org.luoshi.workflow.milestone.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/milestone-trackings}: the task, and at most one of {@code milestoneId} (one milestone it has)
 * and {@code milestone} (one to add to it and track, in the same request); neither tracks every open milestone.
 */
public record MilestoneTrackingRequest(
        @Schema(description = "id of the plan task in task-service whose open milestones are to be tracked", examples = "42")
        @NotNull @Positive Long taskId,
        @Schema(description = "one milestone of that task to track, alone (the task's other milestones are not read); "
                + "without it and without milestone every open milestone of the task", examples = "314")
        @Positive Long milestoneId,
        @Schema(description = "a milestone to add to the task and track in this one request (not with milestoneId); "
                + "send an Idempotency-Key to retry it safely")
        MilestoneToAdd milestone) {
}
