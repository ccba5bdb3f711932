package org.luoshi.workflow.delegate;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jboss.logging.Logger;
import org.luoshi.workflow.engine.MilestoneReportingProcess;
import org.luoshi.workflow.milestone.Ladder;
import org.luoshi.workflow.milestone.MilestoneNotifications;
import org.luoshi.workflow.milestone.Rung;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Service task {@code rescheduleLadder} of the event subprocess that catches {@code milestone-dates-changed}: takes
 * this milestone's new date from {@code milestoneDueDates} ({milestoneId → yyyy-MM-dd}; a map or its JSON), stores it
 * as {@code dueDate}, re-arms the ladder (rungs whose new time has already passed are skipped) and moves the pending
 * ladder timer to its new time. Later rungs compute their time from the new {@code dueDate} when they are reached.
 * A message that does not name this milestone changes nothing.
 */
@Named("rescheduleLadderDelegate")
@ApplicationScoped
public class RescheduleLadderDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RescheduleLadderDelegate.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Ladder ladder;

    @Inject
    ManagementService managementService;

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        long milestoneId = MilestoneNotifications.asLong(execution.getVariable(MilestoneReportingProcess.VAR_MILESTONE_ID));
        Object raw = execution.getVariable(MilestoneReportingProcess.VAR_MILESTONE_DUE_DATES);
        Map<?, ?> dates = raw instanceof Map<?, ?> map ? map
                : raw instanceof String json ? JSON.readValue(json, Map.class) : Map.of();
        Object newDate = null;
        for (Map.Entry<?, ?> entry : dates.entrySet()) {
            if (String.valueOf(entry.getKey()).equals(String.valueOf(milestoneId))) {
                newDate = entry.getValue();
            }
        }
        if (newDate == null) {
            LOG.infof("milestone-dates-changed for process %s does not name milestone %d", execution.getProcessInstanceId(),
                    milestoneId);
            return;
        }
        String dueDate = LocalDate.parse(String.valueOf(newDate)).toString();
        Date armedAt = new Date(ClockUtil.getCurrentTime().getTime());
        execution.getProcessInstance().setVariable(MilestoneReportingProcess.VAR_DUE_DATE, dueDate);
        execution.getProcessInstance().setVariable(MilestoneReportingProcess.VAR_LADDER_ARMED_AT, armedAt);
        for (Job job : managementService.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers().list()) {
            String activityId = timerActivity(job);
            if (activityId != null && MilestoneReportingProcess.LADDER_TIMERS.contains(activityId)) {
                Date at = ladder.fireAt(Rung.ofActivity(activityId).configName, dueDate, armedAt);
                managementService.setJobDuedate(job.getId(), at);
                LOG.infof("Milestone %d now due %s: %s moved to %s", milestoneId, dueDate, activityId, at);
            }
        }
    }

    private String timerActivity(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).list().stream()
                .map(d -> d.getActivityId()).findFirst().orElse(null);
    }
}
