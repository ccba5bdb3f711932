package org.luoshi.workflow.milestone.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.ServiceCalls;
import org.luoshi.workflow.taskservice.MilestoneClient;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

/**
 * Service task {@code recordDecision} (async): records the supervising office's decision on the LEAD report in
 * task-service (idempotent by the report key; APPROVED marks the milestone done there) and notifies the lead
 * department and the submitter.
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
        String reportKey = (String) execution.getVariable(MilestoneReportingProcess.VAR_REPORT_KEY);
        boolean approved = MilestoneReportingProcess.DECISION_APPROVE.equals(
                execution.getVariable(MilestoneReportingProcess.VAR_REVIEW_DECISION));
        String decidedBy = (String) execution.getVariable(MilestoneReportingProcess.VAR_REVIEWED_BY);
        String comment = (String) execution.getVariable(MilestoneReportingProcess.VAR_REVIEW_COMMENT);
        ServiceCalls.run("recordDecision", () -> milestones.putDecision(reportKey, new MilestoneClient.DecisionRequest(approved ? "APPROVED" : "REJECTED", decidedBy,
                comment, (String) execution.getVariable(MilestoneReportingProcess.VAR_REVIEWED_ON))));
        notifications.decision(execution, approved, reportKey,
                (String) execution.getVariable(MilestoneReportingProcess.VAR_REPORT_SUBMITTED_BY), comment, decidedBy);
        LOG.infof("Decision %s on %s by %s recorded", approved ? "APPROVED" : "REJECTED", reportKey, decidedBy);
    }
}
