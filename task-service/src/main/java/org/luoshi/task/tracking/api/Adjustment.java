package org.luoshi.task.tracking.api;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.luoshi.task.tracking.domain.AdjustmentReason;

/**
 * An approved 动态调整 as workflow-service applies it: any of a new due date, new milestone due dates (by milestone
 * id), a new lead department, a new title (the target's wording).
 */
public record Adjustment(
        @NotNull Long taskId,
        @NotNull AdjustmentReason reasonCategory,
        @NotBlank @Size(max = 5000) String justification,
        @NotBlank @Size(max = 100) String requestedBy,
        @NotBlank @Size(max = 100) String reviewedBy,
        @NotBlank @Size(max = 100) String approvedBy,
        LocalDate newDueDate,
        Map<Long, LocalDate> milestoneDueDates,
        @Size(max = 40) String newLeadDepartmentCode,
        @Size(max = 500) String newTitle) {
}
