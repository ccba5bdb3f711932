package org.luoshi.workflow.taskservice;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A plan task as task-service shows it ({@code GET /api/tasks/{id}}), with its milestones; fields the workflow does
 * not use are ignored. The one shape of that answer in workflow-service, read through {@link TaskServiceClient}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskView(Long id, Long planId, String reference, String title, String leadDepartmentCode,
        List<String> coDepartmentCodes, String dueDate, String status, String acceptedBy, String acceptedAt,
        List<Milestone> milestones) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Milestone(Long id, Integer ordinal, String title, String dueDate, String deliverable, String status,
            String completedOn, Boolean overdue) {
        public boolean open() {
            return !"DONE".equals(status);
        }
    }
}
