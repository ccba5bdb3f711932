package org.luoshi.workflow.adjustment.api;

import java.util.Map;

/** An open item of 动态调整 (kind REVIEW = 督查室审核, APPROVAL = 领导审批) with the request it decides on. */
public record AdjustmentItem(String id, String kind, String name, String processInstanceId, Long taskId, String taskTitle,
        String departmentCode, String reasonCategory, String justification, String newDueDate,
        Map<String, Object> milestoneDueDates, String newLeadDepartmentCode, String newTitle, String requestedBy,
        String reviewedBy, String reviewComment) {
}
