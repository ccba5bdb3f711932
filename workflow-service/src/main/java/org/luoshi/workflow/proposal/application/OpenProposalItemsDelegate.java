package org.luoshi.workflow.proposal.application;

import static org.luoshi.workflow.proposal.domain.ProposalProcess.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.shared.ProcessValues;
import org.luoshi.workflow.taskservice.ProposalClient;
import org.luoshi.workflow.taskservice.ServiceCalls;

/**
 * Service task {@code openProposalItems} of 规划实施评估 (async, after the approval is recorded): one 调整建议 instance
 * per OPEN proposal task-service raised, unless the proposal has one already (by its business key: a retry or a second
 * approval starts none twice). A read: transient failures retry into an incident.
 */
@Named("openProposalItemsDelegate")
@ApplicationScoped
public class OpenProposalItemsDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(OpenProposalItemsDelegate.class);

    @Inject
    @RestClient
    ProposalClient proposals;

    @Inject
    ProposalItems items;

    @Override
    public void execute(DelegateExecution execution) {
        long evaluationId = ProcessValues.asLong(execution.getVariable(VAR_EVALUATION_ID));
        int opened = 0;
        for (ProposalClient.Proposal proposal : ServiceCalls.call("the proposals of evaluation " + evaluationId,
                () -> proposals.ofEvaluation(evaluationId))) {
            if (proposal.open() && items.open(proposal)) {
                opened++;
            }
        }
        LOG.infof("evaluation %d: %d 调整建议 opened in the supervising office's inbox", evaluationId, opened);
    }
}
