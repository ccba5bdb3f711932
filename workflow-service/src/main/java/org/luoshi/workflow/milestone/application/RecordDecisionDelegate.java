package org.luoshi.workflow.milestone.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.ModelledRefusal;
import org.luoshi.workflow.taskservice.MilestoneClient;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.milestone.domain.MilestoneReportingVariables;

/**
 * Service task {@code recordDecision} (async): records the supervising office's decision on the LEAD report in
 * task-service (idempotent by the report key; APPROVED marks the milestone done there) and notifies the lead
 * department and the submitter. A permanent refusal (4xx: the report or its milestone changed after the review) is
 * thrown as the BPMN error {@value org.luoshi.workflow.taskservice.TaskServiceRefusal#ERROR_CODE}: the boundary event
 * decisionRefused sends the item back to the supervising office with the reason; nobody is notified of a decision that
 * was not recorded.
 */
@Named("recordDecisionDelegate")
@ApplicationScoped
public class RecordDecisionDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordDecisionDelegate.class);

    @Inject
    @RestClient
    MilestoneClient milestones;

    @Inject
    MilestoneNotifications notifications;

    @Override
    public void execute(DelegateExecution execution) {
        MilestoneReportingVariables v = MilestoneReportingVariables.withLists(execution::getVariable);
        String reportKey = v.leadReportKey(execution.getProcessInstanceId());
        boolean approved = v.approved();
        String decidedBy = v.reviewedBy();
        String comment = v.reviewComment();
        ModelledRefusal.run("decision on " + reportKey, () -> milestones.putDecision(reportKey,
                new MilestoneClient.DecisionRequest(approved ? "APPROVED" : "REJECTED", decidedBy, comment, v.reviewedOn())));
        if (execution.hasVariable(MilestoneReportingProcess.VAR_DECISION_REFUSAL)) {
            // only a refusal earlier in this review set it; a null variable would cost rows for nothing
            execution.setVariable(MilestoneReportingProcess.VAR_DECISION_REFUSAL, null);
        }
        notifications.decision(execution, approved, reportKey, v.reportSubmittedBy(), comment, decidedBy);
        LOG.infof("Decision %s on %s by %s recorded", approved ? "APPROVED" : "REJECTED", reportKey, decidedBy);
    }
}
