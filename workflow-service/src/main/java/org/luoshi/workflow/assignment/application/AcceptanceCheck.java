package org.luoshi.workflow.assignment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.luoshi.workflow.assignment.domain.TaskAssignmentVariables;
import org.luoshi.workflow.taskservice.AcceptanceRequest;
import org.luoshi.workflow.taskservice.TaskServiceClient;
import org.luoshi.workflow.taskservice.TaskServiceValidation;

/**
 * 接收: before the department's item completes with ACCEPT, task-service is asked whether it would record the
 * acceptance that {@code recordAcceptance} will send (the same body): a task accepted already is answered 409 now,
 * an unknown department 400 naming {@code departmentCode}, instead of a refusal inside the process. A department
 * accepts even while task-service is away (its acceptance is recorded when task-service is back), so an unreachable
 * task-service skips the check rather than refusing the acceptance.
 */
@ApplicationScoped
public class AcceptanceCheck {

    @Inject
    @RestClient
    TaskServiceClient taskService;

    @Inject
    RuntimeService runtimeService;

    public void check(String processInstanceId, String acceptedBy) {
        TaskAssignmentVariables v = TaskAssignmentVariables.of(runtimeService.getVariables(processInstanceId)::get);
        long taskId = v.taskId();
        AcceptanceRequest body = new AcceptanceRequest(v.departmentCode(), acceptedBy);
        TaskServiceValidation.checkWhenReachable("the acceptance", () -> taskService.validateAcceptance(taskId, body));
    }
}
