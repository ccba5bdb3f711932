package org.luoshi.workflow.delegate;

import static org.luoshi.workflow.engine.AdjustmentProcess.VAR_MILESTONE_DUE_DATES;
import static org.luoshi.workflow.engine.AdjustmentProcess.VAR_TASK_ID;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jboss.logging.Logger;
import org.luoshi.workflow.engine.MilestoneReportingProcess;

/**
 * Service task {@code announceMilestoneDates}: for each milestone whose date the adjustment changed, correlates
 * {@code milestone-dates-changed} (variables {@code taskId}, {@code milestoneDueDates}) to every running
 * milestone-reporting instance whose business key starts with {@code milestone-<milestoneId>-}; their event
 * subprocess moves the pending ladder timer. A milestone without a running instance is fine (nothing to move).
 */
@Named("announceMilestoneDatesDelegate")
@ApplicationScoped
public class AnnounceMilestoneDatesDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(AnnounceMilestoneDatesDelegate.class);

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, String> dates = ApplyAdjustmentDelegate.milestoneDueDates(execution.getVariable(VAR_MILESTONE_DUE_DATES));
        if (dates == null) {
            return;
        }
        Object taskId = execution.getVariable(VAR_TASK_ID);
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        for (String milestoneId : dates.keySet()) {
            String prefix = MilestoneReportingProcess.businessKeyPrefix(Long.parseLong(milestoneId));
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .processDefinitionKey(MilestoneReportingProcess.KEY).processInstanceBusinessKeyLike(prefix + "%").list()) {
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
