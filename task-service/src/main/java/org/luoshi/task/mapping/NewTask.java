package org.luoshi.task.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewTask(
        @NotBlank @Size(max = 500) String title,
        @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String leadDepartmentCode) {
}
