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

import org.luoshi.task.shared.domain.RuleViolation;

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
    /** An evaluation is launched into self-assessment; only the transitions below move it. */
    public EvaluationStatus status = EvaluationStatus.SELF_ASSESSMENT;

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

    /** Scores, findings, self-assessments and reports change only before submission or after a return. */
    public void requireEditable(String what) {
        if (!status.editable()) {
            throw new RuleViolation("evaluation.not-editable", "evaluation " + id + " is " + status + ": " + what
                    + " can change only while it is SELF_ASSESSMENT or RETURNED");
        }
    }

    /** The evaluator submits the report for review: only while editable, and only with a report of the current inputs. */
    public void submit(boolean reportCurrent, Instant at) {
        if (!status.editable()) {
            throw new RuleViolation("evaluation.not-editable", "evaluation " + id + " is " + status + " and cannot be submitted");
        }
        if (!reportCurrent) {
            throw new RuleViolation("evaluation.report-outdated", "evaluation " + id + " has no report generated since the "
                    + "last change of its scores, findings or self-assessments: generate the report again (POST "
                    + "/api/evaluations/" + id + "/reports), then submit");
        }
        status = EvaluationStatus.IN_REVIEW;
        submittedAt = at;
    }

    /** The supervising office approves or returns what is in review. */
    public void review(boolean approve, String decision, String comment, String by, Instant at) {
        if (status != EvaluationStatus.IN_REVIEW) {
            throw new RuleViolation("evaluation.not-in-review", "evaluation " + id + " is " + status + ", not in review");
        }
        status = approve ? EvaluationStatus.APPROVED : EvaluationStatus.RETURNED;
        reviewDecision = decision;
        reviewComment = comment;
        reviewedBy = by;
        reviewedAt = at;
    }

    /** Only an approved evaluation with its complete report is published. */
    public void publish(boolean reportComplete, String by, Instant at) {
        if (status != EvaluationStatus.APPROVED) {
            throw new RuleViolation("evaluation.not-approved", "evaluation " + id + " is " + status
                    + ": only an approved evaluation can be published");
        }
        if (!reportComplete) {
            throw new RuleViolation("evaluation.report-incomplete", "evaluation " + id + " has no complete report to publish");
        }
        status = EvaluationStatus.PUBLISHED;
        publishedBy = by;
        publishedAt = at;
    }
}
