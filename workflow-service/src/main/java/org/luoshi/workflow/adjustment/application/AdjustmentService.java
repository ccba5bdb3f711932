package org.luoshi.workflow.adjustment.application;

import static org.luoshi.workflow.adjustment.domain.AdjustmentProcess.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.adjustment.api.AdjustmentRequest;
import org.luoshi.workflow.adjustment.api.AdjustmentStarted;
import org.luoshi.workflow.taskservice.TaskView;
import org.luoshi.workflow.adjustment.domain.AdjustmentProcess;
import org.luoshi.workflow.adjustment.domain.AdjustmentVariables;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.luoshi.workflow.taskservice.TaskReads;
import org.luoshi.workflow.workitem.WorkItems;
import org.luoshi.workflow.workitem.WorkItemVariables;

/**
 * Starts 动态调整 (task-adjustment): staff of the task's lead department, or the supervising office / an admin, ask
 * for a change. Staff of any other department get 404 for the task, exactly as if it did not exist.
 */
@ApplicationScoped
public class AdjustmentService {
    private static final Logger LOG = Logger.getLogger(AdjustmentService.class);
    private static final TimeBasedEpochGenerator UUIDS = Generators.timeBasedEpochGenerator();

    @Inject
    TaskReads taskReads;

    @Inject
    RuntimeService runtimeService;

    @Inject
    WorkItems workItems;

    @Inject
    AdjustmentCheck adjustmentCheck;

    @Inject
    CurrentUser user;

    public AdjustmentStarted request(AdjustmentRequest request) {
        String newDueDate = date("newDueDate", request.newDueDate());
        Map<String, String> milestoneDates = milestoneDates(request.milestoneDueDates());
        String newTitle = blank(request.newTitle()) ? null : request.newTitle().strip();
        String newLead = blank(request.newLeadDepartmentCode()) ? null : request.newLeadDepartmentCode();
        if (newDueDate == null && milestoneDates == null && newTitle == null && newLead == null) {
            throw new InvalidFieldException("changes",
                    "at least one of newDueDate, milestoneDueDates, newLeadDepartmentCode, newTitle is required");
        }
        long taskId = request.taskId();
        TaskView task = readTask(taskId);
        if (!user.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN) && !user.belongsTo(task.leadDepartmentCode())) {
            throw new ResourceNotFoundException("Task", taskId); // not the caller's: indistinguishable from missing
        }
        if (milestoneDates != null) {
            Set<String> known = task.milestones() == null ? Set.of()
                    : task.milestones().stream().map(m -> String.valueOf(m.id())).collect(Collectors.toSet());
            for (String id : milestoneDates.keySet()) {
                if (!known.contains(id)) {
                    throw new InvalidFieldException("milestoneDueDates", "milestone " + id + " is not a milestone of task " + taskId);
                }
            }
        }
        String businessKey = AdjustmentProcess.businessKeyPrefix(taskId) + UUIDS.generate();
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_TASK_ID, taskId)
                .putValue(VAR_TASK_TITLE, task.title())
                .putValue(WorkItemVariables.PLAN_SECTION, task.reference())
                .putValue(VAR_DEPARTMENT_CODE, task.leadDepartmentCode())
                .putValue(VAR_REASON_CATEGORY, request.reasonCategory())
                .putValue(VAR_JUSTIFICATION, request.justification().strip())
                .putValue(VAR_NEW_DUE_DATE, newDueDate)
                .putValue(VAR_MILESTONE_DUE_DATES, milestoneDates)
                .putValue(VAR_NEW_LEAD_DEPARTMENT, newLead)
                .putValue(VAR_NEW_TITLE, newTitle)
                .putValue(VAR_REQUESTED_BY, user.username());
        // what applyAdjustment will send, checked by task-service now; who reviews and approves is not known yet, and
        // task-service only requires that someone does: the requester stands in for them in this check
        AdjustmentVariables requested = AdjustmentVariables.of(variables::get);
        adjustmentCheck.check(AdjustmentCheck.body(requested, user.username(), user.username()));
        // as the caller: history records them as the instance's start user
        ProcessInstance instance = workItems.asUser(user.username(),
                () -> runtimeService.startProcessInstanceByKey(KEY, businessKey, variables));
        LOG.infof("%s requested adjustment %s of task %d (%s)", user.username(), instance.getId(), taskId, request.reasonCategory());
        return new AdjustmentStarted(instance.getId(), businessKey, taskId, task.leadDepartmentCode());
    }

    private static Map<String, String> milestoneDates(Map<String, String> requested) {
        if (requested == null || requested.isEmpty()) {
            return null;
        }
        Map<String, String> dates = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            String id = entry.getKey() == null ? "" : entry.getKey().strip();
            if (!id.matches("\\d{1,18}")) {
                throw new InvalidFieldException("milestoneDueDates", "keys must be milestone ids, not '" + entry.getKey() + "'");
            }
            String date = date("milestoneDueDates", entry.getValue());
            if (date == null) {
                throw new InvalidFieldException("milestoneDueDates", "milestone " + id + " needs a date yyyy-MM-dd");
            }
            dates.put(String.valueOf(Long.parseLong(id)), date);
        }
        return dates;
    }

    private static String date(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date yyyy-MM-dd, not '" + value + "'", ViolationCodes.FORMAT,
                    Map.of("expected", "yyyy-MM-dd"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private TaskView readTask(long taskId) {
        return taskReads.read(taskId);
    }
}
