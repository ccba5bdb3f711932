package org.luoshi.task.mapping;

import java.time.Instant;

import org.luoshi.task.domain.PlanTask;
import org.luoshi.task.domain.TaskStatus;

public record TaskView(Long id, Long planId, String title, String leadDepartmentCode, TaskStatus status, String acceptedBy,
        Instant acceptedAt, int version) {
    public static TaskView of(PlanTask t) {
        return new TaskView(t.id, t.planId, t.title, t.leadDepartmentCode, t.status, t.acceptedBy, t.acceptedAt, t.version);
    }
}
