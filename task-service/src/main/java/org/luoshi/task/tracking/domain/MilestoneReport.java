package org.luoshi.task.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** 进展报告: a department's report on a milestone, and the supervising office's decision on it. */
@Entity
@Table(name = "milestone_report")
public class MilestoneReport {
    @Id
    @Column(name = "report_key")
    public String reportKey;

    @Column(name = "milestone_id", nullable = false)
    public Long milestoneId;

    @Column(name = "task_id", nullable = false)
    public Long taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportKind kind;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public int percent;

    @ElementCollection
    @CollectionTable(name = "milestone_report_evidence", joinColumns = @JoinColumn(name = "report_key"))
    @OrderColumn(name = "ordinal")
    @Column(name = "evidence_id")
    public List<Long> evidenceIds = new ArrayList<>();

    /** The SUB reports this (LEAD) report brings together, by report key. */
    @ElementCollection
    @CollectionTable(name = "milestone_report_consolidates", joinColumns = @JoinColumn(name = "report_key"))
    @OrderColumn(name = "ordinal")
    @Column(name = "sub_report_key")
    public List<String> consolidates = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status = ReportStatus.SUBMITTED;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decision_comment")
    public String decisionComment;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public ReportDecision decision() {
        return switch (status) {
            case SUBMITTED -> null;
            case APPROVED -> ReportDecision.APPROVED;
            case REJECTED -> ReportDecision.REJECTED;
        };
    }

    /** An approved LEAD report is what marks the milestone done. */
    public boolean completesMilestone() {
        return kind == ReportKind.LEAD && status == ReportStatus.APPROVED;
    }

    public void decide(ReportDecision decision, String by, LocalDate on, String comment, Instant at) {
        this.status = decision.status();
        this.decidedBy = by;
        this.decidedOn = on;
        this.decisionComment = comment;
        this.decidedAt = at;
    }
}
