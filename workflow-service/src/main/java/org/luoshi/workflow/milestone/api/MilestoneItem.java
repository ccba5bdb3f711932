package org.luoshi.workflow.milestone.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A work item of 节点填报与审核: {@code kind} is SUB_REPORT (配合单位报送), REPORT (牵头单位填报) or REVIEW (督查室审核).
 * {@code subReports} are the co-departments' sub-reports recorded so far (the lead chooses which to consolidate);
 * {@code report} is the report under review; {@code lastRejection} the supervising office's last rejection;
 * {@code previousReport} (REVIEW items of a report sent again after a rejection) the rejected report with its
 * {@code rejection}, for comparison; {@code reportRefusal} why task-service refused what this item last sent, if it
 * did: the report (REPORT), the sub-report (SUB_REPORT) or the decision (REVIEW) — to be sent again, corrected.
 * {@code departmentCode} is the department that acts on the item; {@code leadDepartmentCode} the one that reports (for
 * a REVIEW item, whose report is reviewed); the {@code *Name} fields and the reports' {@code submittedByName},
 * {@code submittedAt}, {@code departmentName} and rejections' {@code decidedByName} say who and when as people read it.
 */
public record MilestoneItem(String id, String kind, String name, String processInstanceId, String businessKey,
        Long taskId, String taskTitle, Long milestoneId, String milestoneTitle, String dueDate, String departmentCode,
        Instant created, List<Map<String, Object>> subReports, Map<String, Object> report, Map<String, Object> lastRejection,
        Map<String, Object> previousReport, String reportRefusal, String departmentName, String leadDepartmentCode,
        String leadDepartmentName) {
}
