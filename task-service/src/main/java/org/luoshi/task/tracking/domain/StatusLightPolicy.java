package org.luoshi.task.tracking.domain;

import java.time.LocalDate;

/**
 * The 红黄绿 rule, evaluated on a given day:
 * <ul>
 * <li>GREEN: the task is completed; or nothing is overdue and nothing falls due within the warning window.</li>
 * <li>RED: an open milestone is past its due date, or the task is past its own due date and not completed.</li>
 * <li>YELLOW: not red, and an open milestone — or the task itself — falls due within the warning window
 * ({@value #WARNING_DAYS} days, today included).</li>
 * <li>NONE: not completed, with neither a due date nor milestones: nothing to measure against yet.</li>
 * </ul>
 * Completed tasks are green even if they finished late: the light tells what needs attention now.
 */
public final class StatusLightPolicy {
    public static final int WARNING_DAYS = 30;

    private StatusLightPolicy() {
    }

    public static StatusLight of(PlanTask task, LocalDate today) {
        if (task.status == TaskStatus.COMPLETED) {
            return StatusLight.GREEN;
        }
        if (task.dueDate == null && task.milestones.isEmpty()) {
            return StatusLight.NONE;
        }
        boolean taskOverdue = task.dueDate != null && task.dueDate.isBefore(today);
        if (taskOverdue || task.milestones.stream().anyMatch(m -> m.isOverdueOn(today))) {
            return StatusLight.RED;
        }
        LocalDate horizon = today.plusDays(WARNING_DAYS);
        boolean taskDueSoon = task.dueDate != null && !task.dueDate.isAfter(horizon);
        boolean milestoneDueSoon = task.milestones.stream().anyMatch(m -> !m.isDone() && !m.dueDate.isAfter(horizon));
        return taskDueSoon || milestoneDueSoon ? StatusLight.YELLOW : StatusLight.GREEN;
    }
}
