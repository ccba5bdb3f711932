package org.luoshi.workflow.milestone.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/milestone-trackings/bulk}: a whole plan, or one section of it. */
public record BulkTrackingRequest(
        @Schema(description = "id of the plan in task-service", examples = "7") @NotNull @Positive Long planId,
        @Schema(description = "only this section of the plan (optional)", examples = "31") @Positive Long sectionId) {
}
