package org.luoshi.task.evaluation.domain;

import java.time.Instant;

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
 * 调整建议: a finding of an approved evaluation that names a task behind schedule or an indicator unlikely to be met,
 * waiting in the supervising office's inbox until it decides: a 动态调整 started for a task (the process that carries
 * it, and the task), or declined with the reason. Decided once.
 */
@Entity
@Table(name = "evaluation_proposal")
public class EvaluationProposal {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "evaluation_id", nullable = false)
    public Long evaluationId;

    @Column(name = "finding_id", nullable = false)
    public Long findingId;

    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "indicator_id")
    public Long indicatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProposalGround ground;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProposalStatus status = ProposalStatus.OPEN;

    @Column(name = "adjustment_process_id")
    public String adjustmentProcessId;

    @Column(name = "adjusted_task_id")
    public Long adjustedTaskId;

    public String reason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public int version;

    public static EvaluationProposal of(EvaluationFinding finding, ProposalGround ground, Instant at) {
        EvaluationProposal p = new EvaluationProposal();
        p.evaluationId = finding.evaluationId;
        p.findingId = finding.id;
        p.taskId = finding.taskId;
        p.indicatorId = finding.indicatorId;
        p.ground = ground;
        p.createdAt = at;
        return p;
    }

    /** A 动态调整 was started for the task (the proposal's own, or the one the office chose for an indicator). */
    public void adjustmentStarted(String processId, long taskId, String by, Instant at) {
        requireOpen();
        status = ProposalStatus.ADJUSTMENT_STARTED;
        adjustmentProcessId = processId;
        adjustedTaskId = taskId;
        decidedBy = by;
        decidedAt = at;
    }

    /** No adjustment follows, for the reason recorded. */
    public void decline(String why, String by, Instant at) {
        requireOpen();
        status = ProposalStatus.DECLINED;
        reason = why;
        decidedBy = by;
        decidedAt = at;
    }

    /** 409 proposal.decided once decided: a proposal is decided once. */
    public void requireOpen() {
        if (status != ProposalStatus.OPEN) {
            throw new RuleViolation("proposal.decided", "proposal " + id + " was already decided (" + status + ") by "
                    + decidedBy);
        }
    }
}
