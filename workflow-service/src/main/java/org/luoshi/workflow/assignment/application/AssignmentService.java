package org.luoshi.workflow.assignment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jboss.logging.Logger;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.assignment.api.AssignmentCreated;
import org.luoshi.workflow.assignment.api.AssignmentRequest;
import org.luoshi.workflow.taskservice.TaskView;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.luoshi.workflow.taskservice.TaskReads;
import org.luoshi.workflow.workitem.WorkItems;
import org.luoshi.workflow.workitem.WorkItemVariables;

/** Starts 任务交办 (task-assignment) for a plan task that task-service knows. */
@ApplicationScoped
public class AssignmentService {
    private static final Logger LOG = Logger.getLogger(AssignmentService.class);
    /** UUIDv7: unique and ordered by time, so business keys of one task sort by when they were assigned. */
    private static final TimeBasedEpochGenerator UUIDS = Generators.timeBasedEpochGenerator();

    @Inject
    TaskReads taskReads;

    @Inject
    RuntimeService runtimeService;

    @Inject
    WorkItems workItems;

    @Inject
    CurrentUser user;

    public AssignmentCreated assign(AssignmentRequest request) {
        long taskId = request.taskId();
        TaskView task = readTask(taskId);
        String businessKey = businessKey(taskId);
        VariableMap variables = Variables.createVariables()
                .putValue(TaskAssignmentProcess.VAR_TASK_ID, taskId)
                .putValue(TaskAssignmentProcess.VAR_TASK_TITLE, task.title())
                .putValue(WorkItemVariables.PLAN_SECTION, task.reference())
                .putValue(TaskAssignmentProcess.VAR_DEPARTMENT_CODE, request.departmentCode())
                .putValue(TaskAssignmentProcess.VAR_ASSIGNED_BY, user.username());
        // as the caller: history records them as the instance's start user
        ProcessInstance instance = workItems.asUser(user.username(),
                () -> runtimeService.startProcessInstanceByKey(TaskAssignmentProcess.KEY, businessKey, variables));
        LOG.infof("Task %d assigned to %s by %s: process %s (%s)", taskId, request.departmentCode(), user.username(),
                instance.getId(), businessKey);
        return new AssignmentCreated(instance.getId(), businessKey, taskId, request.departmentCode());
    }

    static String businessKey(long taskId) {
        return "task-" + taskId + "-" + UUIDS.generate();
    }

    private TaskView readTask(long taskId) {
        return taskReads.read(taskId);
    }
}
