package org.luoshi.workflow.adjustment.application;

import static org.luoshi.workflow.adjustment.domain.AdjustmentProcess.VAR_MILESTONE_DUE_DATES;
import static org.luoshi.workflow.adjustment.domain.AdjustmentProcess.VAR_TASK_ID;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jboss.logging.Logger;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.adjustment.domain.AdjustmentVariables;
import org.luoshi.workflow.milestone.application.MilestoneTrackingRegistry;

/**
 * Service task {@code announceMilestoneDates}: for each milestone whose date the adjustment changed, correlates
 * {@code milestone-dates-changed} (variables {@code taskId}, {@code milestoneDueDates}) to every running
 * milestone-reporting instance of the milestone (its business key as {@link MilestoneTrackingRegistry} has it); their event
 * subprocess moves the pending ladder timer and the due date of its open items. A milestone without a running instance
 * is fine (nothing to move). A new lead department ({@code newLeadDepartmentCode}) retargets every running instance of
 * the task to it ({@link LeadRetargeting}).
 */
@Named("announceMilestoneDatesDelegate")
@ApplicationScoped
public class AnnounceMilestoneDatesDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(AnnounceMilestoneDatesDelegate.class);

    @Inject
    LeadRetargeting leadRetargeting;

    @Inject
    MilestoneTrackingRegistry registry;

    @Override
    public void execute(DelegateExecution execution) {
        AdjustmentVariables v = AdjustmentVariables.of(execution::getVariable);
        String lead = v.newLeadDepartmentCode();
        if (lead != null && !lead.isBlank()) {
            leadRetargeting.retarget(v.taskId(), lead);
        }
        // the dates asked for, completed by those task-service reports after the adjustment: a change of the task's own
        // due date (or any rule of task-service that moves milestones with it) reaches the timers too; an instance whose
        // date did not change ignores the message
        Map<String, String> dates = new LinkedHashMap<>();
        Map<String, String> after = v.milestoneDueDatesAfter();
        if (after != null) {
            dates.putAll(after);
        }
        Map<String, String> asked = v.milestoneDueDates();
        if (asked != null) {
            dates.putAll(asked);
        }
        if (dates.isEmpty()) {
            return;
        }
        Long taskId = v.taskId();
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        for (String milestoneId : dates.keySet()) {
            String businessKey = registry.businessKeyOf(Long.parseLong(milestoneId)).orElse(null);
            if (businessKey == null) {
                continue; // never tracked: nothing to move
            }
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .processDefinitionKey(MilestoneReportingProcess.KEY).processInstanceBusinessKey(businessKey).list()) {
                if (dates.get(milestoneId).equals(runtime.getVariable(instance.getId(), MilestoneReportingProcess.VAR_DUE_DATE))) {
                    continue; // its date stayed: nothing to move, no event in its history
                }
                runtime.createMessageCorrelation(MilestoneReportingProcess.MESSAGE_DATES_CHANGED)
                        .processInstanceId(instance.getId())
                        .setVariable(MilestoneReportingProcess.VAR_TASK_ID, taskId)
                        .setVariable(MilestoneReportingProcess.VAR_MILESTONE_DUE_DATES, dates)
                        .correlateAll();
                LOG.infof("Milestone %s of task %s now due %s: told %s", milestoneId, taskId, dates.get(milestoneId),
                        instance.getBusinessKey());
            }
        }
    }
}
