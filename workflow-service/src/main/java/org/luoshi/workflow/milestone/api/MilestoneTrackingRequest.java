package org.luoshi.workflow.milestone.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/milestone-trackings}. */
public record MilestoneTrackingRequest(
        @Schema(description = "id of the plan task in task-service whose open milestones are to be tracked", examples = "42")
        @NotNull @Positive Long taskId,
        @Schema(description = "one milestone of that task to track, alone (the task's other milestones are not read); "
                + "without it every open milestone of the task", examples = "314")
        @Positive Long milestoneId) {
}
