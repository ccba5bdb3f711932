package org.luoshi.workflow.milestone.application;

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
import org.luoshi.workflow.taskservice.ModelledRefusal;
import org.luoshi.workflow.taskservice.MilestoneClient;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.milestone.domain.MilestoneReportingVariables;

/**
 * Service task {@code recordSubReport} (async): records a co-department's SUB report in task-service under the key
 * {@code <processInstanceId>:sub:<department>} — the same on every retry — and lists it in the process variable
 * {@code subReports}, which the lead's item shows so that the lead can consolidate it. A permanent refusal (4xx, e.g.
 * evidence that is no longer a file of the milestone) is thrown as the BPMN error
 * {@value org.luoshi.workflow.taskservice.TaskServiceRefusal#ERROR_CODE}: the boundary event subReportRefused sends the
 * item back to this co-department with the reason (its local {@code subReportRefusal}).
 */
@Named("recordSubReportDelegate")
@ApplicationScoped
public class RecordSubReportDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordSubReportDelegate.class);

    @Inject
    @RestClient
    MilestoneClient milestones;

    @Override
    public void execute(DelegateExecution execution) {
        MilestoneReportingVariables v = MilestoneReportingVariables.of(execution::getVariable);
        long milestoneId = v.milestoneId();
        String department = v.coDepartmentCode();
        String submittedBy = v.subSubmittedBy();
        String text = v.subText();
        Integer percent = v.subPercent();
        String reportKey = execution.getProcessInstanceId() + ":sub:" + department;
        if (department != null && department.equals(v.leadDepartmentCode())) {
            // an adjustment made this co-department the lead (LeadRetargeting closed its item): it reports as the lead
            LOG.infof("No SUB report %s for milestone %d: %s now leads the task", reportKey, milestoneId, department);
            return;
        }

        ModelledRefusal.run("sub-report " + reportKey, () -> milestones.putReport(milestoneId, reportKey,
                new MilestoneClient.ReportRequest("SUB", department, submittedBy, text, percent, v.subEvidenceIds(), List.of())));

        List<Map<String, Object>> reports = v.subReports();
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
