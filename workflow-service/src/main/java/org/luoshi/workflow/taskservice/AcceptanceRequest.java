package org.luoshi.workflow.taskservice;

/** Body of {@code PUT /api/tasks/{id}/acceptance}. */
public record AcceptanceRequest(String departmentCode, String acceptedBy) {
}
