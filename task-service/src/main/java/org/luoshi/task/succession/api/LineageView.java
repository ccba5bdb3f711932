package org.luoshi.task.succession.api;

import java.util.List;

import org.luoshi.task.tracking.api.TaskRevisionView;
import org.luoshi.task.tracking.api.TaskView;

/**
 * Where a carried task came from: the decision (old reference and lead department as they stood), the old task as it
 * is now and its adjustments (its history), readable by whoever may read the new task.
 */
public record LineageView(Long taskId, CarryOverView carriedFrom, String oldPlanTitle, TaskView oldTask,
        List<TaskRevisionView> oldRevisions) {
}
