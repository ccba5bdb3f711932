package org.luoshi.task.tracking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/tasks/{id}/tracked-milestones} (workflow-service): a milestone to add, tracked from the
 * moment it exists, and the person who asked for it (the supervising office), whom the audit entry names.
 */
public record NewTrackedMilestone(
        @Schema(description = "the milestone, under the same rules as POST /api/tasks/{id}/milestones")
        @NotNull @Valid NewMilestone milestone,
        @Schema(description = "user name of the person who asked workflow-service to add and track it", examples = "chen.jing")
        @NotBlank @Size(max = 100) String requestedBy) {
}
