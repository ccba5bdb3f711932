package org.luoshi.workflow.inbox.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.luoshi.workflow.shared.DepartmentCodes;

/** Body of {@code POST /api/inbox/bulk}. */
public record BulkRequest(
        @NotNull BulkAction action,
        @Schema(description = "work item ids, 1 to 100") @NotEmpty @Size(max = 100) List<@NotBlank String> itemIds,
        @Schema(description = "recorded as a comment on every item; required for REJECT") @Size(max = 2000) String comment,
        @Schema(description = "REASSIGN only: the department that gets the tasks", examples = "chaoyang")
        @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String toDepartment) {
}
