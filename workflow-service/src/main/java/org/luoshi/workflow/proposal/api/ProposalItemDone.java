package org.luoshi.workflow.proposal.api;

/** Answer of a decided 调整建议: the decision, and for ADJUST the 动态调整 started. Recorded in task-service next. */
public record ProposalItemDone(String id, String processInstanceId, Long proposalId, String decision, String decidedBy,
        String adjustmentProcessId) {
}
