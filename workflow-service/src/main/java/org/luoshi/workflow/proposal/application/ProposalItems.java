package org.luoshi.workflow.proposal.application;

import static org.luoshi.workflow.proposal.domain.ProposalProcess.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.workflow.taskservice.ProposalClient;

/** The 调整建议 instances: one per proposal (business key {@code proposal:<id>}), opened once, closed when decided elsewhere. */
@ApplicationScoped
public class ProposalItems {

    @Inject
    RuntimeService runtimeService;

    @Inject
    HistoryService historyService;

    /** Starts the proposal's 调整建议 unless it has one (running or ended); answers whether it started one. */
    public boolean open(ProposalClient.Proposal p) {
        String businessKey = businessKey(p.id());
        if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(businessKey).count() > 0) {
            return false;
        }
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_PROPOSAL_ID, p.id())
                .putValue(VAR_EVALUATION_ID, p.evaluationId())
                .putValue(VAR_PLAN_ID, p.planId())
                .putValue(VAR_EVALUATION_KIND, p.evaluationKind())
                .putValue(VAR_FINDING_ORDINAL, p.findingOrdinal())
                .putValue(VAR_FINDING, p.finding())
                .putValue(VAR_JUSTIFICATION, p.justification())
                .putValue(VAR_GROUND, p.ground())
                .putValue(VAR_TASK_ID, p.taskId())
                .putValue(VAR_TASK_TITLE, p.taskTitle() != null ? p.taskTitle() : p.indicatorName())
                .putValue(VAR_PLAN_SECTION, p.taskReference())
                .putValue(VAR_INDICATOR_ID, p.indicatorId())
                .putValue(VAR_INDICATOR_NAME, p.indicatorName())
                .putValue(VAR_DECISION_ROUND, 0);
        runtimeService.startProcessInstanceByKey(KEY, businessKey, variables);
        return true;
    }

    /** task-service says the proposal is decided: its open item, if any, closes (boundary event proposalDecidedElsewhere). */
    public void closeDecidedElsewhere(long proposalId) {
        runtimeService.createMessageCorrelation(MESSAGE_DECIDED).processInstanceBusinessKey(businessKey(proposalId))
                .correlateAllWithResult();
    }
}
