package org.luoshi.workflow.assignment.api;

/** Answer of {@code POST /api/assignments}: the started process. */
public record AssignmentCreated(String processInstanceId, String businessKey, Long taskId, String departmentCode) {
}
