package org.luoshi.workflow.adjustment.application;

import static org.luoshi.workflow.adjustment.domain.AdjustmentProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.ModelledRefusal;
import org.luoshi.workflow.taskservice.AdjustmentClient;
import org.luoshi.workflow.taskservice.TaskView;
import org.luoshi.workflow.adjustment.domain.AdjustmentVariables;


/**
 * Service task {@code applyAdjustment} (async): applies the approved adjustment in task-service as the task's next
 * revision. The key {@code <processInstanceId>:applyAdjustment} is the same on every attempt, so a call whose answer
 * got lost is not applied twice. A permanent refusal (4xx) is thrown as the BPMN error
 * {@value org.luoshi.workflow.taskservice.TaskServiceRefusal#ERROR_CODE}: the boundary event applyRefused tells the
 * requester why; a transient failure throws and the job is retried, then becomes an incident.
 */
@Named("applyAdjustmentDelegate")
@ApplicationScoped
public class ApplyAdjustmentDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(ApplyAdjustmentDelegate.class);

    @Inject
    @RestClient
    AdjustmentClient adjustments;

    @Override
    public void execute(DelegateExecution execution) {
        String key = idempotencyKey(execution.getProcessInstanceId());
        AdjustmentVariables v = AdjustmentVariables.of(execution::getVariable);
        long taskId = v.taskId();
        AdjustmentClient.Adjustment body = AdjustmentCheck.body(v, v.reviewedBy(), v.approvedBy());
        AdjustmentClient.Applied result = ModelledRefusal.call("applyAdjustment " + key, () -> adjustments.apply(key, body));
        Integer revision = result == null ? null : result.revision();
        execution.setVariable(VAR_REVISION, revision);
        execution.setVariable(VAR_MILESTONE_DUE_DATES_AFTER, openMilestoneDates(result));
        LOG.infof("Adjustment %s of task %d applied in task-service: revision %s", key, taskId, revision);
    }

    /**
     * {milestoneId → yyyy-MM-dd} of the open milestones in task-service's answer ({@code after.milestones}): the dates
     * as they stand after the adjustment, whichever of its changes (or task-service's own rules) moved them.
     */
    static Map<String, String> openMilestoneDates(AdjustmentClient.Applied result) {
        Map<String, String> dates = new LinkedHashMap<>();
        if (result == null || result.after() == null || result.after().milestones() == null) {
            return dates;
        }
        for (TaskView.Milestone m : result.after().milestones()) {
            if (m.id() != null && m.dueDate() != null && m.open()) {
                dates.put(String.valueOf(m.id()), m.dueDate());
            }
        }
        return dates;
    }

    public static String idempotencyKey(String processInstanceId) {
        return processInstanceId + ":" + APPLY_ADJUSTMENT;
    }
}
