package org.luoshi.workflow.proposal.api;

import java.time.Instant;

/**
 * A 调整建议 item of the supervising office: the approved evaluation's finding, what it names (a task, or an indicator),
 * the 动态调整's prefilled justification, and, after task-service refused the last decision, its reason
 * ({@code decisionRefusal}; {@code adjustmentProcessId} then names the 动态调整 that was started).
 */
public record ProposalItem(String id, String name, String processInstanceId, String businessKey, Long proposalId,
        Long evaluationId, Long planId, String evaluationKind, Integer findingOrdinal, String finding, String justification,
        String ground, Long taskId, String taskTitle, String planSection, Long indicatorId, String indicatorName,
        Instant created, String adjustmentProcessId, String decisionRefusal) {
}
