package org.luoshi.workflow.milestone.application;

import static org.luoshi.workflow.milestone.application.MilestoneNotifications.asLong;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.TaskServiceRefusal;
import org.luoshi.workflow.taskservice.MilestoneClient;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
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
        long milestoneId = asLong(execution.getVariable(MilestoneReportingProcess.VAR_MILESTONE_ID));
        String reportKey = (String) execution.getVariable(MilestoneReportingProcess.VAR_REPORT_KEY);
        MilestoneClient.ReportRequest report = new MilestoneClient.ReportRequest("LEAD",
                (String) execution.getVariable(MilestoneReportingProcess.VAR_LEAD_DEPARTMENT),
                (String) execution.getVariable(MilestoneReportingProcess.VAR_REPORT_SUBMITTED_BY),
                (String) execution.getVariable(MilestoneReportingProcess.VAR_REPORT_TEXT),
                (Integer) execution.getVariable(MilestoneReportingProcess.VAR_REPORT_PERCENT),
                longs(execution.getVariable(MilestoneReportingProcess.VAR_REPORT_EVIDENCE_IDS)),
                strings(execution.getVariable(MilestoneReportingProcess.VAR_REPORT_CONSOLIDATES)));
        ModelledRefusal.call("report " + reportKey, () -> milestones.putReport(milestoneId, reportKey, report));
        LOG.infof("LEAD report %s for milestone %d recorded", reportKey, milestoneId);
    }

    static List<Long> longs(Object value) {
        List<Long> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add(asLong(v)));
        }
        return result;
    }

    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add(String.valueOf(v)));
        }
        return result;
    }
}
