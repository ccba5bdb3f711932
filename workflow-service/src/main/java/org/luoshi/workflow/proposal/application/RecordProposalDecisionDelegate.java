package org.luoshi.workflow.proposal.application;

import static org.luoshi.workflow.proposal.domain.ProposalProcess.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.proposal.api.ProposalDecisionForm;
import org.luoshi.workflow.proposal.domain.ProposalVariables;
import org.luoshi.workflow.taskservice.ModelledRefusal;
import org.luoshi.workflow.taskservice.ProposalClient;

/**
 * Service task {@code recordProposalDecision} (async): the office's decision in task-service, keyed per round so that
 * a retry records it once. A permanent refusal (4xx) is thrown as the BPMN error
 * {@value org.luoshi.workflow.taskservice.TaskServiceRefusal#ERROR_CODE}: the boundary event proposalDecisionRefused
 * sends the item back to the office with the reason ({@code decisionRefusal}).
 */
@Named("recordProposalDecisionDelegate")
@ApplicationScoped
public class RecordProposalDecisionDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordProposalDecisionDelegate.class);

    @Inject
    @RestClient
    ProposalClient proposals;

    @Override
    public void execute(DelegateExecution execution) {
        ProposalVariables v = ProposalVariables.of(execution::getVariable);
        String key = execution.getProcessInstanceId() + ":decision:" + v.decisionRound();
        ModelledRefusal.run("decision " + key, () -> proposals.decide(v.proposalId(), key, body(v)));
        execution.setVariable(VAR_DECISION_REFUSAL, null);
        LOG.infof("Decision %s on proposal %d recorded (%s)", v.decision(), v.proposalId(), key);
    }

    /** What task-service records for these variables (and is asked before the item completes, without the 动态调整's id). */
    static ProposalClient.Decision body(ProposalVariables v) {
        boolean adjust = ProposalDecisionForm.ADJUST.equals(v.decision());
        return new ProposalClient.Decision(v.decision(), adjust ? v.adjustmentProcessId() : null,
                adjust ? v.adjustedTaskId() : null, adjust ? null : v.reason(), v.decidedBy());
    }
}
