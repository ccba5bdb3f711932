package org.luoshi.task.evaluation.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The supervising office's decision on a proposal, as workflow-service records it from the office's 调整建议 item:
 * ADJUST — a 动态调整 was started (workflow-service's process id; for a proposal about an indicator, the task chosen) —
 * or DECLINE with the reason; {@code decidedBy} is the person of the office who decided.
 */
public record ProposalDecision(@NotNull Decision decision, @Size(max = 64) String adjustmentProcessId, Long taskId,
        @Size(max = 5000) String reason, @Size(max = 100) String decidedBy) {
    public enum Decision {
        ADJUST, DECLINE
    }
}
