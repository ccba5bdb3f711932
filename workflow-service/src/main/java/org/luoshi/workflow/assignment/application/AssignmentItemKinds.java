package org.luoshi.workflow.assignment.application;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.common.security.Roles;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;
import org.luoshi.workflow.workitem.CompletionEndpoints;
import org.luoshi.workflow.workitem.ItemKinds;

/** The work items of 任务交办: the endpoint that completes each, and the role deciding each deciding kind. */
@ApplicationScoped
public class AssignmentItemKinds implements CompletionEndpoints {
    @Override
    public Map<String, String> byActivity() {
        return Map.of(
                TaskAssignmentProcess.ACCEPT_TASK, ItemKinds.INBOX_COMPLETION,
                TaskAssignmentProcess.REVIEW_RETURN, ItemKinds.INBOX_COMPLETION);
    }

    @Override
    public Map<String, String> decidingRoles() {
        return Map.of(TaskAssignmentProcess.REVIEW_RETURN, Roles.SUPERVISOR);
    }
}
