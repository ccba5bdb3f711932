package org.luoshi.workflow.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.luoshi.workflow.api.MilestoneTrackingResult;
import org.luoshi.workflow.client.TaskView;
import org.luoshi.workflow.milestone.MilestoneTracker;

/** Starts 节点填报与审核 for the open milestones of a task accepted before tracking existed. */
@ApplicationScoped
public class MilestoneTrackingService {

    @Inject
    TaskReads taskReads;

    @Inject
    MilestoneTracker tracker;

    @Transactional
    public MilestoneTrackingResult track(long taskId) {
        TaskView task = taskReads.read(taskId);
        return new MilestoneTrackingResult(taskId, tracker.track(task).stream()
                .map(t -> new MilestoneTrackingResult.TrackedMilestone(t.milestoneId(), t.processInstanceId(),
                        t.businessKey(), t.started()))
                .toList());
    }
}
