package org.luoshi.workflow.taskservice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.luoshi.workflow.shared.ServiceToken;
import org.luoshi.common.problem.ResourceNotFoundException;

/**
 * Reads a task from task-service for a request of this service, translating the answer: 404 → not found here too
 * (also for a task the service account may not see), anything else that fails → 503 (task-service unavailable).
 */
@ApplicationScoped
public class TaskReads {

    @Inject
    @RestClient
    TaskServiceClient taskService;

    public TaskView read(long taskId) {
        TaskView task;
        try {
            task = ServiceToken.withFreshTokenOn401("task " + taskId, () -> taskService.getTask(taskId));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new ResourceNotFoundException("Task", taskId);
            }
            throw new TaskServiceUnavailableException("task-service answered " + e.getResponse().getStatus()
                    + " for task " + taskId, e);
        } catch (RuntimeException e) {
            // connection refused, timeout, or no service-account token from Keycloak
            throw new TaskServiceUnavailableException("task-service could not be asked for task " + taskId, e);
        }
        if (task == null) {
            throw new TaskServiceUnavailableException("task-service answered task " + taskId + " without a body", null);
        }
        return task;
    }
}
