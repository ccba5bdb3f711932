package org.luoshi.workflow.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/inbox/{id}/complete}. */
@ReasonRequiredForReturn
public record CompleteRequest(
        @Schema(description = "ACCEPT or RETURN") @NotNull Decision decision,
        @Schema(description = "why the task is returned; required when the decision is RETURN")
        @Size(max = 2000) String reason) {
}
