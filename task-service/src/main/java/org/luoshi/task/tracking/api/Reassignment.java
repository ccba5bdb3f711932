package org.luoshi.task.tracking.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.luoshi.task.shared.api.DepartmentCodes;

/** 改派: the department that leads the task from now on, and who decided it (sent by workflow-service). */
public record Reassignment(
        @NotNull @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String departmentCode,
        @NotBlank @Size(max = 100) String by) {
}
