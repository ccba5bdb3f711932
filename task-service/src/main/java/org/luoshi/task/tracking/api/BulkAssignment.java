package org.luoshi.task.tracking.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.luoshi.task.shared.api.DepartmentCodes;

/** Several tasks assigned at once: all of them or, if any item is wrong, none. */
public record BulkAssignment(@NotEmpty @Size(max = 2000) List<@NotNull @Valid Item> items) {

    /** @param version the version of the task the assigner saw (its ETag); a stale one fails the whole batch */
    public record Item(
            @NotNull Long taskId,
            @NotNull Integer version,
            @NotNull @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String leadDepartmentCode,
            @Size(max = 30) List<@NotNull @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String> coDepartmentCodes,
            LocalDate dueDate) {
    }
}
