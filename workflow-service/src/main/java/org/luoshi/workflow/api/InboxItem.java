package org.luoshi.workflow.api;

import java.time.Instant;

/** An open user task the caller may work on. {@code id} is the work item's id; {@code taskId} the plan task's. */
public record InboxItem(String id, String name, String processDefinitionKey, String processInstanceId, Long taskId,
        String taskTitle, String departmentCode, Instant created, Instant due) {
}
