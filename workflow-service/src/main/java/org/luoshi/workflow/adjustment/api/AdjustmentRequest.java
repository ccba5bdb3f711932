package org.luoshi.workflow.adjustment.api;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.luoshi.workflow.shared.DepartmentCodes;

/**
 * Body of {@code POST /api/adjustments} (动态调整): what should change in a task and why. At least one of
 * {@code newDueDate}, {@code milestoneDueDates}, {@code newLeadDepartmentCode}, {@code newTitle} is required (400 on
 * the field {@code changes} otherwise).
 */
public record AdjustmentRequest(
        @Schema(description = "id of the plan task in task-service", examples = "42") @NotNull @Positive Long taskId,
        @Schema(description = "FORCE_MAJEURE, POLICY_CHANGE, RESOURCE_CHANGE, SCOPE_CHANGE or OTHER")
        @NotNull @Pattern(regexp = REASONS, message = "must be one of FORCE_MAJEURE, POLICY_CHANGE, RESOURCE_CHANGE, SCOPE_CHANGE, OTHER")
        String reasonCategory,
        @Schema(description = "why the task must change (调整理由), at most 2000 characters") @NotBlank @Size(max = 2000) String justification,
        @Schema(description = "the task's new due date, yyyy-MM-dd") @Pattern(regexp = DATE, message = DATE_MESSAGE) String newDueDate,
        @Schema(description = "new due dates of milestones of this task: {milestoneId: yyyy-MM-dd}") Map<String, String> milestoneDueDates,
        @Schema(description = "the department that leads the task from now on", examples = "chaoyang")
        @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String newLeadDepartmentCode,
        @Schema(description = "the task's new title, at most 500 characters") @Size(max = 500) String newTitle) {

    public static final String REASONS = "FORCE_MAJEURE|POLICY_CHANGE|RESOURCE_CHANGE|SCOPE_CHANGE|OTHER";
    public static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    public static final String DATE_MESSAGE = "must be a date yyyy-MM-dd";
}
