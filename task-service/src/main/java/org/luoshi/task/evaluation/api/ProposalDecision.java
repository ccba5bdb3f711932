package org.luoshi.task.evaluation.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The supervising office's decision on a proposal: ADJUST — a 动态调整 was started (workflow-service's process id; for
 * a proposal about an indicator, the task chosen) — or DECLINE with the reason.
 */
public record ProposalDecision(@NotNull Decision decision, @Size(max = 64) String adjustmentProcessId, Long taskId,
        @Size(max = 5000) String reason) {
    public enum Decision {
        ADJUST, DECLINE
    }
}
