package org.luoshi.workflow.assignment.application;

import static org.luoshi.workflow.assignment.domain.TaskAssignmentProcess.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.TaskServiceClient;
import org.luoshi.workflow.assignment.domain.TaskAssignmentVariables;
import org.luoshi.workflow.taskservice.ModelledRefusal;

/**
 * Service task {@code recordWithdrawal} (撤回, async): task-service takes the returned task from the department it was
 * assigned to; it is no department's until assigned again. Key {@code <pi>:recordWithdrawal}. A permanent refusal goes
 * back to 督查室处理退回 with the reason (boundary event withdrawalRefused).
 */
@Named("recordWithdrawalDelegate")
@ApplicationScoped
public class RecordWithdrawalDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordWithdrawalDelegate.class);

    @Inject
    @RestClient
    TaskServiceClient taskService;

    @Override
    public void execute(DelegateExecution execution) {
        TaskAssignmentVariables v = TaskAssignmentVariables.of(execution::getVariable);
        long taskId = v.taskId();
        String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
        String by = v.reviewedBy();
        String note = v.returnNote();
        ModelledRefusal.run("withdrawal " + key, () -> taskService.recordWithdrawal(taskId, key,
                new TaskServiceClient.Withdrawal(by, note)));
        LOG.infof("Withdrawal of task %d by %s recorded in task-service [%s]", taskId, by, key);
    }
}
