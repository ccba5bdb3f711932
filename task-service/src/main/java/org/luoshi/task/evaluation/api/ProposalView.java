package org.luoshi.task.evaluation.api;

import java.time.Instant;
import java.util.List;

import org.luoshi.task.evaluation.domain.EvaluationKind;
import org.luoshi.task.evaluation.domain.ProposalGround;
import org.luoshi.task.evaluation.domain.ProposalStatus;
import org.luoshi.task.tracking.api.TaskRevisionView;

/**
 * A proposal with its finding, what it names, and, once decided, by whom, how, and the adjustments that followed (the
 * task's revisions applied by the 动态调整 it started).
 *
 * @param justification the text to prefill the 动态调整's justification with: the finding, with its evaluation
 */
public record ProposalView(Long id, Long evaluationId, EvaluationKind evaluationKind, Long planId, int findingOrdinal,
        String finding, String justification, ProposalGround ground, Long taskId, String taskReference, String taskTitle,
        Long indicatorId, String indicatorName, ProposalStatus status, String adjustmentProcessId, Long adjustedTaskId,
        String reason, String decidedBy, Instant decidedAt, List<TaskRevisionView> adjustmentsFollowed, int version) {
}
