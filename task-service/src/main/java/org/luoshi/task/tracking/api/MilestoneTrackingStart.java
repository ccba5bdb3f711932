package org.luoshi.task.tracking.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/milestones/{id}/tracking}: the task the caller holds the milestone to be of. */
public record MilestoneTrackingStart(
        @Schema(description = "the milestone's task; a milestone of another task is answered 404 and not recorded")
        @NotNull Long taskId) {
}
