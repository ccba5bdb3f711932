package org.luoshi.workflow.proposal.domain;

import static org.luoshi.workflow.proposal.domain.ProposalProcess.*;

import java.util.function.Function;

import org.luoshi.workflow.shared.ProcessValues;

/**
 * The variables of one 调整建议 instance, typed: the one place that reads them by name and type (names and meanings in
 * {@link ProposalProcess}). A variable not (yet) set is null.
 */
public record ProposalVariables(Long proposalId, Long evaluationId, Long planId, String evaluationKind, Integer findingOrdinal,
        String finding, String justification, String ground, Long taskId, String taskTitle, String planSection,
        Long indicatorId, String indicatorName, String decision, String reason, String decidedBy,
        String adjustmentProcessId, Long adjustedTaskId, Integer decisionRound, String decisionRefusal) {

    public static ProposalVariables of(Function<String, Object> variables) {
        return new ProposalVariables(
                ProcessValues.asLong(variables.apply(VAR_PROPOSAL_ID)),
                ProcessValues.asLong(variables.apply(VAR_EVALUATION_ID)),
                ProcessValues.asLong(variables.apply(VAR_PLAN_ID)),
                ProcessValues.asString(variables.apply(VAR_EVALUATION_KIND)),
                ProcessValues.asInt(variables.apply(VAR_FINDING_ORDINAL)),
                ProcessValues.asString(variables.apply(VAR_FINDING)),
                ProcessValues.asString(variables.apply(VAR_JUSTIFICATION)),
                ProcessValues.asString(variables.apply(VAR_GROUND)),
                ProcessValues.asLong(variables.apply(VAR_TASK_ID)),
                ProcessValues.asString(variables.apply(VAR_TASK_TITLE)),
                ProcessValues.asString(variables.apply(VAR_PLAN_SECTION)),
                ProcessValues.asLong(variables.apply(VAR_INDICATOR_ID)),
                ProcessValues.asString(variables.apply(VAR_INDICATOR_NAME)),
                ProcessValues.asString(variables.apply(VAR_DECISION)),
                ProcessValues.asString(variables.apply(VAR_REASON)),
                ProcessValues.asString(variables.apply(VAR_DECIDED_BY)),
                ProcessValues.asString(variables.apply(VAR_ADJUSTMENT_PROCESS_ID)),
                ProcessValues.asLong(variables.apply(VAR_ADJUSTED_TASK_ID)),
                ProcessValues.asInt(variables.apply(VAR_DECISION_ROUND)),
                ProcessValues.asString(variables.apply(VAR_DECISION_REFUSAL)));
    }
}
