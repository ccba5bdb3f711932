package org.luoshi.task.tracking.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.luoshi.task.shared.api.DepartmentCodes;

/** 交办: who leads (牵头单位), who co-operates (配合单位), and by when (完成时限). */
public record Assignment(
        @NotNull @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String leadDepartmentCode,
        @Size(max = 30) List<@NotNull @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String> coDepartmentCodes,
        LocalDate dueDate) {
}
