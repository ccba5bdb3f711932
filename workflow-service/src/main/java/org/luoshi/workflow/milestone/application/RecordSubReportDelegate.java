package org.luoshi.workflow.milestone.application;

import static org.luoshi.workflow.milestone.application.MilestoneNotifications.asLong;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Service task {@code recordSubReport} (async): records a co-department's SUB report in task-service under the key
 * {@code <processInstanceId>:sub:<department>} — the same on every retry — and lists it in the process variable
 * {@code subReports}, which the lead's item shows so that the lead can consolidate it.
 */
@Named("recordSubReportDelegate")
@ApplicationScoped
public class RecordSubReportDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordSubReportDelegate.class);

    @Inject
    @RestClient
    MilestoneClient milestones;

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        long milestoneId = asLong(execution.getVariable(MilestoneReportingProcess.VAR_MILESTONE_ID));
        String department = (String) execution.getVariable(MilestoneReportingProcess.VAR_CO_DEPARTMENT);
        String submittedBy = (String) execution.getVariable(MilestoneReportingProcess.VAR_SUB_SUBMITTED_BY);
        String text = (String) execution.getVariable(MilestoneReportingProcess.VAR_SUB_TEXT);
        Integer percent = (Integer) execution.getVariable(MilestoneReportingProcess.VAR_SUB_PERCENT);
        List<Long> evidence = RecordReportDelegate.longs(execution.getVariable(MilestoneReportingProcess.VAR_SUB_EVIDENCE_IDS));
        String reportKey = execution.getProcessInstanceId() + ":sub:" + department;
        if (department != null && department.equals(execution.getVariable(MilestoneReportingProcess.VAR_LEAD_DEPARTMENT))) {
            // an adjustment made this co-department the lead (LeadRetargeting closed its item): it reports as the lead
            LOG.infof("No SUB report %s for milestone %d: %s now leads the task", reportKey, milestoneId, department);
            return;
        }

        ServiceCalls.run("recordSubReport", () -> milestones.putReport(milestoneId, reportKey,
                new MilestoneClient.ReportRequest("SUB", department, submittedBy, text, percent, evidence, List.of())));

        Object existing = execution.getVariable(MilestoneReportingProcess.VAR_SUB_REPORTS);
        List<Map<String, Object>> reports = new ArrayList<>();
        if (existing instanceof List<?> list) {
            list.forEach(entry -> reports.add((Map<String, Object>) entry));
        }
        reports.removeIf(r -> reportKey.equals(r.get("reportKey")));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportKey", reportKey);
        report.put("departmentCode", department);
        report.put("submittedBy", submittedBy);
        report.put("text", text);
        report.put("percent", percent);
        reports.add(report);
        execution.getProcessInstance().setVariable(MilestoneReportingProcess.VAR_SUB_REPORTS, reports);
        LOG.infof("SUB report %s of %s for milestone %d recorded", reportKey, department, milestoneId);
    }
}
