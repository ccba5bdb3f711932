package org.luoshi.task.tracking.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.luoshi.task.shared.api.DepartmentCodes;

public record NewTask(
        @NotBlank @Size(max = 500) String title,
        @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String leadDepartmentCode) {
}
