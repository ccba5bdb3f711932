package org.luoshi.task.tracking.api;

import java.time.LocalDate;
import java.util.List;

import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.TaskStatus;

/**
 * Filters, order and page of a task list.
 *
 * @param departmentRole LEAD, CO or ANY (default): how {@code department} relates to the task
 * @param sort           reference (the plan's order, default), dueDate, title, status or light
 */
public record TaskQuery(Long planId, Long chapterId, Long sectionId, String department, String departmentRole,
        List<TaskStatus> statuses, List<StatusLight> lights, LocalDate dueFrom, LocalDate dueTo, String text, String sort,
        boolean descending, int page, int size) {
}
