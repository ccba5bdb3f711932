package org.luoshi.workflow.adjustment.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An open item of 动态调整 (kind REVIEW = 督查室审核, APPROVAL = 领导审批) with the request it decides on; the
 * {@code *Name} fields name departments and people as they are read, {@code requestedAt} is when the request was made
 * and {@code changes} lists each requested change with the value it replaces.
 */
public record AdjustmentItem(String id, String kind, String name, String processInstanceId, Long taskId, String taskTitle,
        String departmentCode, String reasonCategory, String justification, String newDueDate,
        Map<String, String> milestoneDueDates, String newLeadDepartmentCode, String newTitle, String requestedBy,
        String reviewedBy, String reviewComment, String departmentName, String newLeadDepartmentName,
        String requestedByName, String reviewedByName, Instant requestedAt, List<AdjustmentChange> changes) {
}
