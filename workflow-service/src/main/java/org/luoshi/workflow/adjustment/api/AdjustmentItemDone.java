package org.luoshi.workflow.adjustment.api;

/** Outcome of deciding an item of 动态调整. */
public record AdjustmentItemDone(String id, String kind, String processInstanceId, String completedBy, String decision) {
}
