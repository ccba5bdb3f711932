package org.luoshi.workflow.milestone.api;

import java.util.List;

/** The task's open milestones and their 节点填报与审核 instances; {@code started} is false for those already tracked. */
public record MilestoneTrackingResult(Long taskId, List<TrackedMilestone> milestones) {
    public record TrackedMilestone(long milestoneId, String processInstanceId, String businessKey, boolean started) {
    }
}
