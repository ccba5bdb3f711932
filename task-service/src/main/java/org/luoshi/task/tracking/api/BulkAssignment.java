package org.luoshi.task.tracking.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.luoshi.task.shared.api.DepartmentCodes;

/**
 * Several tasks assigned at once, each optionally with its milestones: all of them or, if any item is wrong, none. The
 * items' milestones together number at most {@value BulkMilestones#MAX_MILESTONES}.
 */
public record BulkAssignment(@NotEmpty @Size(max = 2000) List<@NotNull @Valid Item> items) {

    /**
     * @param version    the version of the task the assigner saw (its ETag); a stale one fails the whole batch
     * @param milestones milestones (节点) to add to the task, as {@code POST /api/plans/{id}/milestones} adds them: one
     *                   the task has already (same title and due date) is not added again
     */
    public record Item(
            @NotNull Long taskId,
            @NotNull Integer version,
            @NotNull @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String leadDepartmentCode,
            @Size(max = 30) List<@NotNull @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String> coDepartmentCodes,
            LocalDate dueDate,
            @Size(max = BulkMilestones.MAX_MILESTONES) List<@NotNull @Valid NewMilestone> milestones) {
    }
}
