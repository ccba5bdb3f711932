package org.luoshi.workflow.inbox.application;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.luoshi.workflow.inbox.api.InboxItem;
import org.luoshi.workflow.assignment.domain.TaskAssignmentVariables;

/** Engine user task + its process variables → the API's inbox item; no engine object leaves the service layer. */
public final class InboxItemMapper {

    private InboxItemMapper() {
    }

    public static InboxItem toItem(Task task, String processDefinitionKey, Map<String, Object> variables) {
        TaskAssignmentVariables v = TaskAssignmentVariables.of(variables::get);
        return new InboxItem(task.getId(), task.getName(), processDefinitionKey, task.getProcessInstanceId(),
                v.taskId(), v.taskTitle(), v.departmentCode(),
                instant(task.getCreateTime()), instant(task.getDueDate()));
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
