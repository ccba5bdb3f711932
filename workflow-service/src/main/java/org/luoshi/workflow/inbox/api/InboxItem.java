package org.luoshi.workflow.inbox.api;

import java.time.Instant;
import java.util.List;

/**
 * An open user task the caller may work on. {@code id} is the work item's id; {@code taskId} the plan task's.
 * {@code assignee} holds it (claimed or delegated); {@code delegatedBy} is who delegated it to the assignee.
 * {@code milestoneTitle} names the milestone an item of 节点填报与审核 reports on (null for other kinds).
 */
public record InboxItem(String id, String name, String processDefinitionKey, String processInstanceId, Long taskId,
        String taskTitle, String departmentCode, Instant created, Instant due, String activityId, String businessKey,
        String assignee, String delegatedBy, List<String> candidateGroups, String planSection, String status,
        boolean overdue, String milestoneTitle) {

    /** The fields the engine-backed inbox had; the rest stay empty. */
    public InboxItem(String id, String name, String processDefinitionKey, String processInstanceId, Long taskId,
            String taskTitle, String departmentCode, Instant created, Instant due) {
        this(id, name, processDefinitionKey, processInstanceId, taskId, taskTitle, departmentCode, created, due, null,
                null, null, null, List.of(), null, null, due != null && due.isBefore(Instant.now()), null);
    }
}
