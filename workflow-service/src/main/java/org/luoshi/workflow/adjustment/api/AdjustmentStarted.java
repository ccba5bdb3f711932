package org.luoshi.workflow.adjustment.api;

/** Answer of {@code POST /api/adjustments}: the started 动态调整 instance. */
public record AdjustmentStarted(String processInstanceId, String businessKey, Long taskId, String leadDepartmentCode) {
}
