package org.luoshi.task.tracking.api;

/** An applied adjustment: the task's revision it made, and the task before and after. */
public record AdjustmentResult(String adjustmentKey, Long taskId, int revision, TaskView before, TaskView after) {
}
