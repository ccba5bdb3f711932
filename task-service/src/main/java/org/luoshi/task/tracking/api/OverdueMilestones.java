package org.luoshi.task.tracking.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The overdue milestones of a plan the caller may see — open and past their due date — the latest first:
 * {@code total} milestones of {@code tasks} tasks; {@code items} one page of them, each with its task and how many
 * days late it is today.
 */
public record OverdueMilestones(List<Item> items, int page, int size, long total, long tasks) {

    public record Item(Long taskId, String taskTitle, String leadDepartmentCode, String leadDepartmentName, Long milestoneId,
            String milestoneTitle, LocalDate dueDate, long daysLate) {
    }
}
