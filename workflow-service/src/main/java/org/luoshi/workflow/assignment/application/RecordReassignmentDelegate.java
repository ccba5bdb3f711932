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
 * Service task {@code recordReassignment} (改派, async): task-service moves the returned task to the department the
 * supervising office chose, before that department is asked to accept it — so it reads the task, and the department
 * that returned it no longer does. Key {@code <pi>:reassign:<n>}: {@code reassignments} counts this instance's recorded
 * reassignments and grows only when the step commits, so a retry repeats the key. A permanent refusal goes back to
 * 督查室处理退回 with the reason (boundary event reassignmentRefused).
 */
@Named("recordReassignmentDelegate")
@ApplicationScoped
public class RecordReassignmentDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordReassignmentDelegate.class);

    @Inject
    @RestClient
    TaskServiceClient taskService;

    @Override
    public void execute(DelegateExecution execution) {
        TaskAssignmentVariables v = TaskAssignmentVariables.of(execution::getVariable);
        long taskId = v.taskId();
        int round = v.reassignments() == null ? 1 : v.reassignments() + 1;
        String key = execution.getProcessInstanceId() + ":reassign:" + round;
        String department = v.departmentCode();
        String by = v.reviewedBy();
        ModelledRefusal.run("reassignment " + key, () -> taskService.recordReassignment(taskId, key,
                new TaskServiceClient.Reassignment(department, by)));
        execution.setVariable(VAR_REASSIGNMENTS, round);
        execution.setVariable(VAR_RECORD_REFUSAL, null);
        LOG.infof("Task %d reassigned to %s by %s recorded in task-service [%s]", taskId, department, by, key);
    }
}
