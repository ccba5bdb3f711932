package org.luoshi.workflow.assignment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.IdentityService;
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
import org.luoshi.workflow.inbox.readmodel.InboxTaskListener;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.luoshi.workflow.taskservice.TaskReads;

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
    IdentityService identityService;

    @Inject
    CurrentUser user;

    public AssignmentCreated assign(AssignmentRequest request) {
        long taskId = request.taskId();
        TaskView task = readTask(taskId);
        String businessKey = businessKey(taskId);
        VariableMap variables = Variables.createVariables()
                .putValue(TaskAssignmentProcess.VAR_TASK_ID, taskId)
                .putValue(TaskAssignmentProcess.VAR_TASK_TITLE, task.title())
                .putValue(InboxTaskListener.VAR_PLAN_SECTION, task.reference())
                .putValue(TaskAssignmentProcess.VAR_DEPARTMENT_CODE, request.departmentCode())
                .putValue(TaskAssignmentProcess.VAR_ASSIGNED_BY, user.username());
        ProcessInstance instance;
        identityService.setAuthenticatedUserId(user.username()); // recorded as the instance's start user in history
        try {
            instance = runtimeService.startProcessInstanceByKey(TaskAssignmentProcess.KEY, businessKey, variables);
        } finally {
            identityService.clearAuthentication();
        }
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
