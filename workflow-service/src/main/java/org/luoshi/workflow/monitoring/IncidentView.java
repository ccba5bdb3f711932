package org.luoshi.workflow.monitoring;

import java.time.Instant;

/** An open incident: a step that failed after its last retry and waits for someone to act. */
public record IncidentView(String id, String processInstanceId, String businessKey, String activityId, String message,
        Instant createdAt, String jobId) {
}
