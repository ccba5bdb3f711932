package org.luoshi.workflow.milestone.api;

/** Outcome of completing a milestone item; {@code reportKey} identifies the report in task-service. */
public record MilestoneItemDone(String id, String kind, String processInstanceId, String completedBy, String reportKey,
        String decision) {
}
