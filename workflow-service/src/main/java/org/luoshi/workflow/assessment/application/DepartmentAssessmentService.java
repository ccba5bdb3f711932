package org.luoshi.workflow.assessment.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.workflow.adjustment.domain.AdjustmentProcess;
import org.luoshi.workflow.assessment.api.DepartmentAssessmentView;
import org.luoshi.workflow.escalation.LadderContract;
import org.luoshi.workflow.notification.NotificationStore;
import org.luoshi.workflow.shared.ServiceToken;
import org.luoshi.workflow.taskservice.AssessmentClient;
import org.luoshi.workflow.taskservice.TaskServiceUnavailableException;

/**
 * 考核 (docs/assessment.md): task-service's figures for the plan and period, with what this service recorded of the
 * plan's tasks in the same period — 催办 and 督办 each department was sent, adjustments it requested and had approved.
 * The period is in Beijing days (the ladder's zone), both ends included.
 */
@ApplicationScoped
public class DepartmentAssessmentService {

    @Inject
    @RestClient
    AssessmentClient taskService;

    @Inject
    NotificationStore notifications;

    @Inject
    HistoryService history;

    @ConfigProperty(name = "luoshi.workflow.ladder.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public DepartmentAssessmentView assess(long planId, LocalDate from, LocalDate to) {
        AssessmentClient.Recorded recorded = recorded(planId, from, to);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant until = to.plusDays(1).atStartOfDay(zone).toInstant();
        Set<Long> taskIds = Set.copyOf(recorded.taskIds());
        Map<String, NotificationStore.Escalations> escalations = notifications.escalationsReceived(start, until, taskIds);
        escalations.remove(LadderContract.SUPERVISION_GROUP);
        Map<String, int[]> adjustments = adjustments(start, until, taskIds);

        Map<String, DepartmentAssessmentView.Row> rows = new LinkedHashMap<>();
        for (AssessmentClient.Department d : recorded.departments()) {
            rows.put(d.departmentCode(), row(d, escalations.get(d.departmentCode()), adjustments.get(d.departmentCode())));
        }
        // a department chased or asking for adjustments without leading a task of the plan now (e.g. one reassigned)
        Set<String> others = new java.util.TreeSet<>(escalations.keySet());
        others.addAll(adjustments.keySet());
        others.removeAll(rows.keySet());
        for (String code : others) {
            rows.put(code, row(new AssessmentClient.Department(code, code, code, 0, 0, 0, 0, null, 0, 0, 0, 0),
                    escalations.get(code), adjustments.get(code)));
        }
        return new DepartmentAssessmentView(planId, recorded.from(), recorded.to(), recorded.asOf(),
                List.copyOf(rows.values()));
    }

    private static DepartmentAssessmentView.Row row(AssessmentClient.Department d, NotificationStore.Escalations e,
            int[] adjustments) {
        NotificationStore.Escalations escalations = e == null ? new NotificationStore.Escalations(0, 0) : e;
        int[] requestedApproved = adjustments == null ? new int[2] : adjustments;
        return new DepartmentAssessmentView.Row(d.departmentCode(), d.nameZh(), d.nameEn(), d.onTime(), d.late(),
                d.missing(), d.notDue(), d.averageDaysLate(), escalations.urgings(), escalations.supervisions(),
                d.returned(), requestedApproved[0], requestedApproved[1], d.red(), d.yellow(), d.green());
    }

    private AssessmentClient.Recorded recorded(long planId, LocalDate from, LocalDate to) {
        try {
            return ServiceToken.withFreshTokenOn401("the assessment of plan " + planId,
                    () -> taskService.departmentAssessment(planId, from, to));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new ResourceNotFoundException("Plan", planId);
            }
            throw new TaskServiceUnavailableException("task-service answered " + e.getResponse().getStatus()
                    + " for the assessment of plan " + planId, e);
        } catch (RuntimeException e) {
            throw new TaskServiceUnavailableException("task-service could not be asked for the assessment of plan "
                    + planId, e);
        }
    }

    /**
     * Per requesting department: {requested, approved}. Requested: a 动态调整 process started in the period; approved:
     * one that ended applied in the period (whenever it was asked for).
     */
    private Map<String, int[]> adjustments(Instant start, Instant until, Set<Long> taskIds) {
        Map<String, int[]> result = new HashMap<>();
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(AdjustmentProcess.KEY).startedBefore(Date.from(until)).list();
        if (instances.isEmpty()) {
            return result;
        }
        Map<String, Map<String, Object>> variables = new HashMap<>();
        List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(chunk.toArray(String[]::new))
                    .variableNameIn(AdjustmentProcess.VAR_TASK_ID, AdjustmentProcess.VAR_DEPARTMENT_CODE).list()) {
                variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
            }
        }
        for (HistoricProcessInstance instance : instances) {
            Map<String, Object> vars = variables.getOrDefault(instance.getId(), Map.of());
            if (!(vars.get(AdjustmentProcess.VAR_TASK_ID) instanceof Number taskId)
                    || !taskIds.contains(taskId.longValue())
                    || !(vars.get(AdjustmentProcess.VAR_DEPARTMENT_CODE) instanceof String department)) {
                continue;
            }
            int[] counts = result.computeIfAbsent(department, k -> new int[2]);
            if (within(instance.getStartTime(), start, until)) {
                counts[0]++;
            }
            if (AdjustmentProcess.END_APPLIED.equals(instance.getEndActivityId())
                    && within(instance.getEndTime(), start, until)) {
                counts[1]++;
            }
        }
        result.values().removeIf(c -> c[0] == 0 && c[1] == 0);
        return result;
    }

    private static boolean within(Date time, Instant start, Instant until) {
        return time != null && !time.toInstant().isBefore(start) && time.toInstant().isBefore(until);
    }
}
