package org.luoshi.task.tracking.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.luoshi.task.shared.api.DepartmentCodes;

/** The lead department accepted the task (sent by workflow-service when its process records it). */
public record Acceptance(
        @NotNull @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String departmentCode,
        @NotBlank @Size(max = 100) String acceptedBy) {
}
