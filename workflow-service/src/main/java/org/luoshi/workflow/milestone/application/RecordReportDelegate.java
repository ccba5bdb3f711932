package org.luoshi.workflow.milestone.application;

import static org.luoshi.workflow.milestone.domain.MilestoneReportingProcess.VAR_REPORT_CONSOLIDATES;
import static org.luoshi.workflow.milestone.domain.MilestoneReportingProcess.VAR_REPORT_EVIDENCE_IDS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.TaskServiceRefusal;
import org.luoshi.workflow.taskservice.MilestoneClient;
import org.luoshi.workflow.milestone.domain.MilestoneReportingVariables;
import org.luoshi.workflow.taskservice.ModelledRefusal;

/**
 * Service task {@code recordReport} (async): records the lead department's LEAD report in task-service under the key
 * chosen when it was submitted ({@code <processInstanceId>:lead:<round>}), so retries repeat the same key. A permanent
 * refusal (4xx) is thrown as the BPMN error {@value TaskServiceRefusal#ERROR_CODE}: the boundary event reportRefused
 * sends the report back to the lead department with the reason.
 */
@Named("recordReportDelegate")
@ApplicationScoped
public class RecordReportDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordReportDelegate.class);

    @Inject
    @RestClient
    MilestoneClient milestones;

    @Override
    public void execute(DelegateExecution execution) {
        MilestoneReportingVariables v = MilestoneReportingVariables.withLists(execution::getVariable, VAR_REPORT_EVIDENCE_IDS,
                VAR_REPORT_CONSOLIDATES);
        long milestoneId = v.milestoneId();
        String reportKey = v.leadReportKey(execution.getProcessInstanceId());
        MilestoneClient.ReportRequest report = new MilestoneClient.ReportRequest("LEAD", v.leadDepartmentCode(),
                v.reportSubmittedBy(), v.reportText(), v.reportPercent(), v.reportEvidenceIds(), v.reportConsolidates());
        ModelledRefusal.run("report " + reportKey, () -> milestones.putReport(milestoneId, reportKey, report));
        LOG.infof("LEAD report %s for milestone %d recorded", reportKey, milestoneId);
    }
}
