package org.luoshi.workflow.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.workflow.api.MilestoneTrackingResult;
import org.luoshi.workflow.client.MilestoneClient;
import org.luoshi.workflow.milestone.MilestoneTracker;

/** Starts 节点填报与审核 for the open milestones of a task accepted before tracking existed. */
@ApplicationScoped
public class MilestoneTrackingService {

    @Inject
    @RestClient
    MilestoneClient milestones;

    @Inject
    MilestoneTracker tracker;

    @Transactional
    public MilestoneTrackingResult track(long taskId) {
        MilestoneClient.TaskWithMilestones task;
        try {
            task = milestones.getTask(taskId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new ResourceNotFoundException("Task", taskId);
            }
            throw new TaskServiceUnavailableException("task-service answered " + e.getResponse().getStatus()
                    + " for task " + taskId, e);
        } catch (RuntimeException e) {
            throw new TaskServiceUnavailableException("task-service could not be asked for task " + taskId, e);
        }
        if (task == null) {
            throw new TaskServiceUnavailableException("task-service answered task " + taskId + " without a body", null);
        }
        return new MilestoneTrackingResult(taskId, tracker.track(task).stream()
                .map(t -> new MilestoneTrackingResult.TrackedMilestone(t.milestoneId(), t.processInstanceId(),
                        t.businessKey(), t.started()))
                .toList());
    }
}
