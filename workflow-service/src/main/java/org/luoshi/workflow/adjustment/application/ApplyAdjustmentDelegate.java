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
import org.luoshi.workflow.taskservice.ServiceCalls;
import org.luoshi.workflow.taskservice.AdjustmentClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Service task {@code applyAdjustment} (async): applies the approved adjustment in task-service as the task's next
 * revision. The key {@code <processInstanceId>:applyAdjustment} is the same on every attempt, so a call whose answer
 * got lost is not applied twice; any failure throws and the job is retried, then becomes an incident.
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
        long taskId = ((Number) execution.getVariable(VAR_TASK_ID)).longValue();
        AdjustmentClient.Adjustment body = new AdjustmentClient.Adjustment(taskId,
                (String) execution.getVariable(VAR_REASON_CATEGORY), (String) execution.getVariable(VAR_JUSTIFICATION),
                (String) execution.getVariable(VAR_REQUESTED_BY), (String) execution.getVariable(VAR_REVIEWED_BY),
                (String) execution.getVariable(VAR_APPROVED_BY), (String) execution.getVariable(VAR_NEW_DUE_DATE),
                milestoneDueDates(execution.getVariable(VAR_MILESTONE_DUE_DATES)),
                (String) execution.getVariable(VAR_NEW_LEAD_DEPARTMENT), (String) execution.getVariable(VAR_NEW_TITLE));
        JsonNode result = ServiceCalls.call("applyAdjustment", () -> adjustments.apply(key, body));
        Integer revision = result != null && result.hasNonNull("revision") ? result.get("revision").asInt() : null;
        execution.setVariable(VAR_REVISION, revision);
        execution.setVariable(VAR_MILESTONE_DUE_DATES_AFTER, openMilestoneDates(result));
        LOG.infof("Adjustment %s of task %d applied in task-service: revision %s", key, taskId, revision);
    }

    /**
     * {milestoneId → yyyy-MM-dd} of the open milestones in task-service's answer ({@code after.milestones}): the dates
     * as they stand after the adjustment, whichever of its changes (or task-service's own rules) moved them.
     */
    static Map<String, String> openMilestoneDates(JsonNode result) {
        Map<String, String> dates = new LinkedHashMap<>();
        JsonNode milestones = result == null ? null : result.path("after").path("milestones");
        if (milestones != null && milestones.isArray()) {
            for (JsonNode m : milestones) {
                if (m.hasNonNull("id") && m.hasNonNull("dueDate") && !"DONE".equals(m.path("status").asText())) {
                    dates.put(m.get("id").asText(), m.get("dueDate").asText());
                }
            }
        }
        return dates;
    }

    public static String idempotencyKey(String processInstanceId) {
        return processInstanceId + ":" + APPLY_ADJUSTMENT;
    }

    /** The stored {milestoneId → date} (a map after JSON deserialization), or null. */
    static Map<String, String> milestoneDueDates(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return null;
        }
        Map<String, String> dates = new LinkedHashMap<>();
        map.forEach((k, v) -> dates.put(String.valueOf(k), String.valueOf(v)));
        return dates;
    }
}
