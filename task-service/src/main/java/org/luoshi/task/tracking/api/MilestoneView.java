package org.luoshi.task.tracking.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.MilestoneStatus;

public record MilestoneView(Long id, int ordinal, String title, LocalDate dueDate, String deliverable, BigDecimal weight,
        MilestoneStatus status, LocalDate completedOn, boolean overdue, boolean tracked, int version) {
    public static MilestoneView of(Milestone m, LocalDate today) {
        return new MilestoneView(m.id, m.ordinal, m.title, m.dueDate, m.deliverable, m.weight, m.status, m.completedOn,
                m.isOverdueOn(today), m.isTracked(), m.version);
    }
}
