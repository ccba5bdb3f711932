package org.luoshi.workflow.assignment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.ServiceCalls;
import org.luoshi.workflow.taskservice.TaskServiceClient;
import org.luoshi.workflow.milestone.application.MilestoneTracker;
import org.luoshi.workflow.assignment.domain.TaskAssignmentVariables;

/**
 * Service task {@code startMilestoneTracking} of task-assignment (after recordAcceptance): reads the task's milestones
 * and starts one 节点填报与审核 per open milestone that is not tracked yet. Asynchronous: a failure is retried, and a
 * retry does not start duplicates because already tracked milestones are skipped.
 */
@Named("startMilestoneTrackingDelegate")
@ApplicationScoped
public class StartMilestoneTrackingDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(StartMilestoneTrackingDelegate.class);

    @Inject
    @RestClient
    TaskServiceClient taskService;

    @Inject
    MilestoneTracker tracker;

    @Override
    public void execute(DelegateExecution execution) {
        long taskId = TaskAssignmentVariables.of(execution::getVariable).taskId();
        var tracked = tracker.track(ServiceCalls.call("startMilestoneTracking", () -> taskService.getTask(taskId)));
        LOG.infof("Task %d: %d milestone(s) tracked, %d newly", taskId, tracked.size(),
                tracked.stream().filter(MilestoneTracker.Tracked::started).count());
    }
}
