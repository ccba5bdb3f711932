package org.luoshi.task.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A mid-term or final third-party evaluation of a plan: its scope, the snapshot frozen at launch (with the SHA-256 of
 * its text), the rubric, the evaluator's findings, and where it stands.
 */
@Entity
@Table(name = "evaluation")
public class Evaluation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvaluationKind kind;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Column(name = "organisation_code", nullable = false)
    public String organisationCode;

    @Column(name = "self_assessment_due", nullable = false)
    public LocalDate selfAssessmentDue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvaluationStatus status;

    @Column(nullable = false)
    public String rubric;

    @Column(nullable = false)
    public String snapshot;

    @Column(name = "snapshot_sha256", nullable = false)
    public String snapshotSha256;

    @Column(name = "snapshot_date", nullable = false)
    public LocalDate snapshotDate;

    public String findings;

    public String recommendations;

    @Column(name = "inputs_revision", nullable = false)
    public int inputsRevision;

    @Column(name = "launched_by", nullable = false)
    public String launchedBy;

    @Column(name = "launched_at", nullable = false)
    public Instant launchedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_decision")
    public String reviewDecision;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Version
    public int version;

    /** Something the report is made of changed: reports made before are out of date. */
    public void inputsChanged() {
        inputsRevision++;
    }
}
