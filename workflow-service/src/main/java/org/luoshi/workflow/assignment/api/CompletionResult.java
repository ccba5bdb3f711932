package org.luoshi.workflow.assignment.api;

/** Outcome of completing an inbox item. */
public record CompletionResult(String id, String processInstanceId, Long taskId, Decision decision, String completedBy,
        String reason) {
}
