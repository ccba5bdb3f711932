package org.luoshi.workflow.milestone.application;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.jboss.logging.Logger;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.escalation.Ladder;
import org.luoshi.workflow.escalation.Rung;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Service task {@code rescheduleLadder} of the event subprocess that catches {@code milestone-dates-changed}: takes
 * this milestone's new date from {@code milestoneDueDates} ({milestoneId → yyyy-MM-dd}; a map or its JSON), stores it
 * as {@code dueDate}, re-arms the ladder (rungs whose new time has already passed are skipped) and moves the pending
 * ladder timer to its new time. Later rungs compute their time from the new {@code dueDate} when they are reached.
 * The open 填报 / 报送 items of the instance get the new date as their due date, so the inbox shows and sorts by it.
 * A message that does not name this milestone, or names its current date, changes nothing.
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

    @Inject
    TaskService taskService;

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
        if (dueDate.equals(execution.getVariable(MilestoneReportingProcess.VAR_DUE_DATE))) {
            return; // announced with the other milestones of an adjusted task, but this one's date stayed
        }
        Date armedAt = new Date(ClockUtil.getCurrentTime().getTime());
        execution.getProcessInstance().setVariable(MilestoneReportingProcess.VAR_DUE_DATE, dueDate);
        execution.getProcessInstance().setVariable(MilestoneReportingProcess.VAR_LADDER_ARMED_AT, armedAt);
        // parsed as the BPMN's camunda:dueDate="${dueDate}" is, so a moved item is due exactly as a new one would be
        Date itemsDue = new DueDateBusinessCalendar().resolveDuedate(dueDate);
        for (Task item : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            if (item.getDueDate() != null && !item.getDueDate().equals(itemsDue)) {
                item.setDueDate(itemsDue);
                taskService.saveTask(item);
            }
        }
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
