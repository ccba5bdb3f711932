package org.luoshi.workflow.assignment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.luoshi.workflow.shared.DepartmentCodes;

/** Body of {@code POST /api/assignments}: which plan task goes to which department. */
public record AssignmentRequest(
        @Schema(description = "id of the plan task in task-service", examples = "42")
        @NotNull @Positive Long taskId,
        @Schema(description = "code of the department that must accept the task", examples = "haidian")
        @NotBlank @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String departmentCode) {
}
