package org.luoshi.task.tracking.api;

import java.time.LocalDate;
import java.util.List;

import org.luoshi.task.tracking.domain.MilestoneStatus;

/**
 * Answer of {@code PUT /api/milestones/{id}/tracking}: the milestone now tracked and what workflow-service's
 * 节点填报与审核 needs of its task (title, place in the plan, departments), without the task's other milestones or
 * its source text, which a start does not read.
 *
 * @param newlyTracked false when the milestone was tracked already (a repeat, which changes nothing)
 * @param taskReference where the task stands in the plan, e.g. "三（一）2", as in the task's view
 */
public record MilestoneTracking(long milestoneId, String title, LocalDate dueDate, MilestoneStatus status, int version,
        boolean newlyTracked, long taskId, String taskTitle, String taskReference, String leadDepartmentCode,
        List<String> coDepartmentCodes) {
}
