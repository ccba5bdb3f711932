package org.luoshi.workflow.assignment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.ModelledRefusal;
import org.luoshi.workflow.taskservice.AcceptanceRequest;
import org.luoshi.workflow.taskservice.TaskServiceClient;
import org.luoshi.workflow.taskservice.TaskView;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;
import org.luoshi.workflow.assignment.domain.TaskAssignmentVariables;

/**
 * Service task {@code recordAcceptance}: tells task-service that the department accepted the task.
 *
 * <p>Runs in a job (asyncBefore), so a transient failure rolls the step back and the job executor retries it per the
 * configured retry cycle; after the last attempt the job becomes an incident. A permanent refusal (4xx: the task
 * changed after the department accepted it) is thrown as the BPMN error
 * {@value org.luoshi.workflow.taskservice.TaskServiceRefusal#ERROR_CODE}: the boundary event acceptanceRefused takes it
 * to the supervising office with the reason. task-service keeps only what it applied under a key, so an acceptance
 * after a refusal (the same or another department) may use the same key. The idempotency key is the same on
 * every attempt ({@code processInstanceId:activityId}), so a call that succeeded in task-service but whose answer
 * got lost is not applied twice.
 */
@Named("recordAcceptanceDelegate")
@ApplicationScoped
public class RecordAcceptanceDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordAcceptanceDelegate.class);

    @Inject
    @RestClient
    TaskServiceClient taskService;

    @Override
    public void execute(DelegateExecution execution) {
        TaskAssignmentVariables v = TaskAssignmentVariables.of(execution::getVariable);
        long taskId = v.taskId();
        String departmentCode = v.departmentCode();
        String acceptedBy = v.acceptedBy();
        String idempotencyKey = idempotencyKey(execution.getProcessInstanceId(), execution.getCurrentActivityId());

        TaskView task = ModelledRefusal.call("acceptance " + idempotencyKey, () -> taskService.recordAcceptance(taskId, idempotencyKey, new AcceptanceRequest(departmentCode, acceptedBy)));
        execution.setVariable(TaskAssignmentProcess.VAR_RECORD_REFUSAL, null);
        LOG.infof("Task %d accepted by %s (%s) recorded in task-service, status %s, key %s", taskId, acceptedBy,
                departmentCode, task == null ? "?" : task.status(), idempotencyKey);
    }

    static String idempotencyKey(String processInstanceId, String activityId) {
        return processInstanceId + ":" + activityId;
    }
}
