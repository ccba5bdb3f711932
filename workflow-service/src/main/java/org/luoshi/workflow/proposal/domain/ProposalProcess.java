package org.luoshi.workflow.proposal.domain;

import java.util.List;

import org.luoshi.workflow.workitem.WorkItemVariables;

/** Names used in bpmn/evaluation-proposal.bpmn (调整建议): the process key, activity ids, message and variables. */
public final class ProposalProcess {
    public static final String KEY = "evaluation-proposal";
    public static final String BUSINESS_KEY_PREFIX = "proposal:";

    public static final String DECIDE = "decideProposal";
    public static final String RECORD_DECISION = "recordProposalDecision";
    public static final String PROPOSAL_DECISION_REFUSED = "proposalDecisionRefused";
    public static final String DECIDED_ELSEWHERE = "proposalDecidedElsewhere";
    public static final String END_DECIDED = "proposalDecided";
    public static final String END_CLOSED = "proposalClosed";
    /** Correlated (by business key) when task-service says the proposal is decided already: the item closes. */
    public static final String MESSAGE_DECIDED = "evaluation-proposal-decided";

    /** Candidate group of the item: the realm role supervisor, as the inbox writes roles. */
    public static final String GROUP_SUPERVISOR = "role:supervisor";

    public static final String VAR_PROPOSAL_ID = "proposalId";
    public static final String VAR_EVALUATION_ID = "evaluationId";
    public static final String VAR_PLAN_ID = "planId";
    /** MID_TERM or FINAL. */
    public static final String VAR_EVALUATION_KIND = "evaluationKind";
    public static final String VAR_FINDING = "finding";
    public static final String VAR_FINDING_ORDINAL = "findingOrdinal";
    /** The 动态调整's prefilled justification: the finding with its evaluation (task-service's wording). */
    public static final String VAR_JUSTIFICATION = "justification";
    /** TASK_BEHIND_SCHEDULE or INDICATOR_UNLIKELY. */
    public static final String VAR_GROUND = "ground";
    /** The task the finding names (null for an indicator's), as the inbox reads it. */
    public static final String VAR_TASK_ID = WorkItemVariables.TASK_ID;
    /** What the inbox shows as the item's title: the task's, or the indicator's name. */
    public static final String VAR_TASK_TITLE = WorkItemVariables.TASK_TITLE;
    public static final String VAR_PLAN_SECTION = WorkItemVariables.PLAN_SECTION;
    public static final String VAR_INDICATOR_ID = "indicatorId";
    public static final String VAR_INDICATOR_NAME = "indicatorName";

    /** ADJUST or DECLINE ({@code ProposalDecisionForm}), set by the item's completion. */
    public static final String VAR_DECISION = "decision";
    public static final String VAR_REASON = "reason";
    public static final String VAR_DECIDED_BY = "decidedBy";
    /** The 动态调整 started by ADJUST, and the task it adjusts. */
    public static final String VAR_ADJUSTMENT_PROCESS_ID = "adjustmentProcessId";
    public static final String VAR_ADJUSTED_TASK_ID = "adjustedTaskId";
    /** Counts the decisions taken on the item: the Idempotency-Key's round (a refused one is decided again). */
    public static final String VAR_DECISION_ROUND = "decisionRound";
    /** task-service's reason for refusing the last decision (error message of proposalDecisionRefused). */
    public static final String VAR_DECISION_REFUSAL = "decisionRefusal";

    /** The variables GET /api/processes/{id} shows for this process. */
    public static final List<String> VARIABLES_OF_INTEREST = List.of(VAR_PROPOSAL_ID, VAR_EVALUATION_ID, VAR_PLAN_ID,
            VAR_GROUND, VAR_TASK_ID, VAR_INDICATOR_ID, VAR_DECISION, VAR_REASON, VAR_DECIDED_BY,
            VAR_ADJUSTMENT_PROCESS_ID, VAR_ADJUSTED_TASK_ID, VAR_DECISION_REFUSAL);

    private ProposalProcess() {
    }

    public static String businessKey(long proposalId) {
        return BUSINESS_KEY_PREFIX + proposalId;
    }
}
