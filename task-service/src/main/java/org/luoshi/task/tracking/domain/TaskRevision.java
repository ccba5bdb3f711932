package org.luoshi.task.tracking.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One version of a task: revision 0 is the task as it stood before its first adjustment; each applied adjustment
 * adds the next, with who asked, who reviewed and approved, why, and the task before and after (as JSON).
 */
@Entity
@Table(name = "task_revision")
public class TaskRevision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id", nullable = false)
    public Long taskId;

    @Column(nullable = false)
    public int revision;

    @Column(name = "adjustment_key")
    public String adjustmentKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_category")
    public AdjustmentReason reasonCategory;

    public String justification;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "before_view")
    public String beforeView;

    @Column(name = "after_view", nullable = false)
    public String afterView;
}
