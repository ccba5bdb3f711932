package org.luoshi.workflow.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.api.AssignmentCreated;
import org.luoshi.workflow.api.AssignmentRequest;
import org.luoshi.workflow.client.TaskServiceClient;
import org.luoshi.workflow.client.TaskView;
import org.luoshi.workflow.engine.TaskAssignmentProcess;
import org.luoshi.workflow.engine.inbox.InboxTaskListener;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Starts 任务交办 (task-assignment) for a plan task that task-service knows. */
@ApplicationScoped
public class AssignmentService {
    private static final Logger LOG = Logger.getLogger(AssignmentService.class);
    /** UUIDv7: unique and ordered by time, so business keys of one task sort by when they were assigned. */
    private static final TimeBasedEpochGenerator UUIDS = Generators.timeBasedEpochGenerator();

    @Inject
    @RestClient
    TaskServiceClient taskService;

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
        try {
            TaskView task = taskService.getTask(taskId);
            if (task == null) {
                throw new TaskServiceUnavailableException("task-service answered task " + taskId + " without a body", null);
            }
            return task;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new ResourceNotFoundException("Task", taskId);
            }
            throw new TaskServiceUnavailableException("task-service answered " + e.getResponse().getStatus()
                    + " for task " + taskId, e);
        } catch (ResourceNotFoundException | TaskServiceUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // connection refused, timeout, or no service-account token from Keycloak
            throw new TaskServiceUnavailableException("task-service could not be asked for task " + taskId, e);
        }
    }
}
