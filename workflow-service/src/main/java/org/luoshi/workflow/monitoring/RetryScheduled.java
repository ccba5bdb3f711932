package org.luoshi.workflow.monitoring;

/** Answer of {@code POST /api/incidents/{id}/retry}: the failed job will run once more. */
public record RetryScheduled(String incidentId, String jobId, int retries) {
}
