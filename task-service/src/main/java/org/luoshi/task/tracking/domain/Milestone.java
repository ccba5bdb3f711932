package org.luoshi.task.tracking.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 节点: a dated step of a task with its deliverable and weight in the task's progress. */
@Entity
@Table(name = "milestone")
public class Milestone {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    public PlanTask task;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    public String deliverable;

    @Column(nullable = false)
    public BigDecimal weight = BigDecimal.ONE;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MilestoneStatus status = MilestoneStatus.PLANNED;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    /** When the workflow started tracking it (节点填报与审核); null while the department still plans it. */
    @Column(name = "tracking_started_at")
    public java.time.Instant trackingStartedAt;

    @Version
    public int version;

    public boolean isTracked() {
        return trackingStartedAt != null;
    }

    /** The workflow tracks it from now on; a repeat keeps the first start. */
    public void startTracking(java.time.Instant at) {
        if (trackingStartedAt == null) {
            trackingStartedAt = at;
        }
    }

    public boolean isDone() {
        return status == MilestoneStatus.DONE;
    }

    /**
     * Marks the milestone done on the given day. A milestone already done keeps the day it was done on, so a retried
     * step changes nothing. Answers whether it changed.
     */
    public boolean complete(LocalDate on) {
        if (isDone()) {
            return false;
        }
        status = MilestoneStatus.DONE;
        completedOn = on;
        return true;
    }

    public boolean isOverdueOn(LocalDate today) {
        return !isDone() && dueDate.isBefore(today);
    }
}
