package org.luoshi.workflow.inbox.api;

import java.time.Instant;
import java.util.List;

/**
 * An open user task the caller may work on. {@code id} is the work item's id; {@code taskId} the plan task's.
 * {@code assignee} holds it (claimed or delegated); {@code delegatedBy} is who delegated it to the assignee.
 * {@code milestoneTitle} names the milestone an item of 节点填报与审核 reports on (null for other kinds).
 * {@code departmentName}, {@code assigneeName} and {@code delegatedByName} name the department and people as they are
 * read (海淀区, 李娜), the codes beside them being what filters and links use.
 */
public record InboxItem(String id, String name, String processDefinitionKey, String processInstanceId, Long taskId,
        String taskTitle, String departmentCode, Instant created, Instant due, String activityId, String businessKey,
        String assignee, String delegatedBy, List<String> candidateGroups, String planSection, String status,
        boolean overdue, String milestoneTitle, String departmentName, String assigneeName, String delegatedByName) {

    /** The fields the engine-backed inbox had; the rest stay empty. */
    public InboxItem(String id, String name, String processDefinitionKey, String processInstanceId, Long taskId,
            String taskTitle, String departmentCode, Instant created, Instant due) {
        this(id, name, processDefinitionKey, processInstanceId, taskId, taskTitle, departmentCode, created, due, null,
                null, null, null, List.of(), null, null, due != null && due.isBefore(Instant.now()), null, null, null, null);
    }

    /** This item with the names of its department, assignee and delegator. */
    public InboxItem named(String departmentName, String assigneeName, String delegatedByName) {
        return new InboxItem(id, name, processDefinitionKey, processInstanceId, taskId, taskTitle, departmentCode, created,
                due, activityId, businessKey, assignee, delegatedBy, candidateGroups, planSection, status, overdue,
                milestoneTitle, departmentName, assigneeName, delegatedByName);
    }
}
